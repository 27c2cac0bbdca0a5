using TrustGraph.Analyses;
using TrustGraph.Loading;

namespace TrustGraph.Core.Tests.Loading;

public class RoundTripTests
{
    [Fact]
    public void Writing_the_shipped_dataset_back_loads_to_the_same_dataset_and_findings()
    {
        var original = DatasetLoader.Load(RealDataset.Folder).Dataset!;
        var copy = Path.Combine(Path.GetTempPath(), "tg-rt-" + Guid.NewGuid().ToString("N"));
        try
        {
            DatasetWriter.Write(original, copy);
            var reloaded = DatasetLoader.Load(copy);

            Assert.Empty(reloaded.Errors);
            var again = reloaded.Dataset!;
            Assert.Equal(original.Sources, again.Sources);
            foreach (var (a, b) in original.Authorities.Zip(again.Authorities))
            {
                Assert.Equal(a.Authority, b.Authority);
                Assert.Equal(a.Arrangements, b.Arrangements);
                Assert.Equal(a.Bodies, b.Bodies);
                Assert.Equal(a.Seats, b.Seats);
                Assert.Equal(a.Lines, b.Lines);
                Assert.Equal(a.Duties, b.Duties);
            }
            Assert.Equal(FindingsJson.Write(Analysis.Run(original)), FindingsJson.Write(Analysis.Run(again)));
            Assert.False(Directory.EnumerateFiles(copy, "*.tmp-*", SearchOption.AllDirectories).Any());
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}
