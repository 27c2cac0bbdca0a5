using System.Diagnostics;
using TrustGraph.Analyses;
using TrustGraph.Loading;

namespace TrustGraph.Core.Tests.Loading;

/// <summary>
/// The loader under mutated real files (seeded, bounded): every input is either a valid dataset or a list of
/// located errors. No exception escapes, nothing hangs, and a dataset that loads can be analysed.
/// </summary>
public class LoaderFuzzTests
{
    [Fact]
    public void Mutated_dataset_files_give_a_dataset_or_located_errors_never_an_exception()
    {
        var random = new Random(20_091_004);
        var files = Directory.EnumerateFiles(RealDataset.Folder, "*.csv", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.Combine("data", "guidance")))
            .Select(f => Path.GetRelativePath(RealDataset.Folder, f))
            .ToList();
        var root = Path.Combine(Path.GetTempPath(), "tg-fuzz-" + Guid.NewGuid().ToString("N"));
        var clock = Stopwatch.StartNew();
        int valid = 0, rejected = 0;
        try
        {
            foreach (var file in files)
            {
                var target = Path.Combine(root, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(RealDataset.Folder, file), target);
            }

            for (var i = 0; i < 600 && clock.Elapsed < TimeSpan.FromSeconds(90); i++)
            {
                var file = files[random.Next(files.Count)];
                var path = Path.Combine(root, file);
                var original = File.ReadAllBytes(path);
                File.WriteAllBytes(path, Mutate(original, random));
                try
                {
                    var result = DatasetLoader.Load(root);
                    if (result.Dataset is { } dataset)
                    {
                        valid++;
                        Analysis.Run(dataset);
                    }
                    else
                    {
                        rejected++;
                        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.File + e.Message)));
                    }
                }
                catch (Exception e)
                {
                    Assert.Fail($"case {i}: mutating {file} threw {e.GetType().Name}: {e.Message}");
                }
                finally
                {
                    File.WriteAllBytes(path, original);
                }
            }
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
        Assert.True(rejected > 0 && valid > 0, $"the mutations should produce both kinds of input (valid {valid}, rejected {rejected})");
    }

    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = input.ToList();
        var edits = 1 + random.Next(4);
        for (var e = 0; e < edits; e++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0: if (bytes.Count > 0) bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.Insert(at, (byte)'"'); break;
                case 2: bytes.Insert(at, (byte)','); break;
                case 3: bytes.Insert(at, (byte)'\n'); break;
                case 4: if (bytes.Count > 0) bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(40))); break;
                case 5: bytes = bytes.Take(at).ToList(); break;
                case 6: bytes.InsertRange(at, Enumerable.Range(0, 1 + random.Next(30)).Select(_ => (byte)random.Next(256))); break;
                case 7:
                    var end = bytes.IndexOf((byte)'\n', at);
                    if (end > at) bytes.InsertRange(end + 1, bytes.GetRange(at, end - at + 1));
                    break;
                default: bytes.InsertRange(at, "\uFEFF\0\r"u8.ToArray()); break;
            }
        }
        return bytes.ToArray();
    }
}
