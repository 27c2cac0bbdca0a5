using TrustGraph.Analyses;
using TrustGraph.Generation;
using TrustGraph.Loading;

namespace TrustGraph.Core.Tests.Scale;

/// <summary>Reading and writing one authority at a time must give what loading the whole dataset gives.</summary>
public sealed class StreamingTests(StreamingTests.GeneratedFolder generated) : IClassFixture<StreamingTests.GeneratedFolder>
{
    /// <summary>A generated dataset of 30 authorities, written once for these tests and removed after them.</summary>
    public sealed class GeneratedFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("trustgraph-streaming-").FullName;

        public GeneratedFolder() => SyntheticNation.Write(SyntheticNation.Generate(new GeneratorOptions(30, Seed: 11)), Path);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    private static string ShippedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "data", "authorities.csv"))) return Path.Combine(dir.FullName, "data");
        throw new DirectoryNotFoundException("the repository's data/ folder");
    }

    [Fact]
    public void Findings_written_one_at_a_time_are_the_same_text_as_the_whole_document()
    {
        foreach (var folder in new[] { ShippedData(), generated.Path })
        {
            var findings = Analysis.Run(DatasetLoader.Load(folder).Dataset!);
            using var writer = new FindingsJsonWriter();
            foreach (var finding in findings) writer.Add(finding);
            var text = new StringWriter();
            writer.WriteTo(text);

            Assert.Equal(FindingsJson.Write(findings), text.ToString());
            Assert.Equal(findings.Count, FindingsJson.Read(text.ToString()).Findings.Count);
        }
    }

    [Fact]
    public void A_document_larger_than_memory_allows_goes_through_a_temporary_file_and_is_the_same_text()
    {
        var findings = Analysis.Run(DatasetLoader.Load(generated.Path).Dataset!);
        var temporaryFiles = Directory.GetFiles(Path.GetTempPath(), "trustgraph-findings-*").Length;
        var text = new StringWriter();
        using (var writer = new FindingsJsonWriter(memoryLimit: 128 * 1024))
        {
            foreach (var finding in findings) writer.Add(finding);
            Assert.Equal(temporaryFiles + 1, Directory.GetFiles(Path.GetTempPath(), "trustgraph-findings-*").Length);
            writer.WriteTo(text);
        }

        Assert.True(text.ToString().Length > 4 * 128 * 1024);
        Assert.Equal(FindingsJson.Write(findings), text.ToString());
        Assert.Equal(temporaryFiles, Directory.GetFiles(Path.GetTempPath(), "trustgraph-findings-*").Length);
    }

    [Fact]
    public void A_text_report_held_in_a_spool_larger_than_memory_allows_is_printed_whole_and_in_order()
    {
        var pieces = Enumerable.Range(0, 3000).Select(i => $"Authority {i} — Zoë's board, ‘quoted’ {new string('x', i % 97)}\n").ToList();
        var temporaryFiles = Directory.GetFiles(Path.GetTempPath(), "trustgraph-findings-*").Length;
        var text = new StringWriter();
        using (var spool = new OutputSpool(memoryLimit: 64 * 1024))
        {
            foreach (var piece in pieces) spool.Add(System.Text.Encoding.UTF8.GetBytes(piece));
            Assert.Equal(temporaryFiles + 1, Directory.GetFiles(Path.GetTempPath(), "trustgraph-findings-*").Length);
            spool.WriteTo(text);
        }

        Assert.Equal(string.Concat(pieces), text.ToString());
        Assert.Equal(temporaryFiles, Directory.GetFiles(Path.GetTempPath(), "trustgraph-findings-*").Length);
    }

    [Fact]
    public void An_empty_findings_document_is_the_same_text_too()
    {
        using var writer = new FindingsJsonWriter();
        var text = new StringWriter();
        writer.WriteTo(text);

        Assert.Equal(FindingsJson.Write([]), text.ToString());
    }

    [Fact]
    public void Analysing_authority_by_authority_gives_the_findings_of_the_whole_dataset_in_the_same_order()
    {
        var whole = Analysis.Run(DatasetLoader.Load(generated.Path).Dataset!);
        var stream = DatasetStream.Open(generated.Path);

        var streamed = stream.Structures().SelectMany(s => Analysis.Run(s)).ToList();

        Assert.Empty(stream.Errors);
        Assert.Equal(FindingsJson.Write(whole), FindingsJson.Write(streamed));
    }

    [Fact]
    public void Reading_ahead_on_another_thread_gives_the_same_structures_in_the_same_order()
    {
        var stream = DatasetStream.Open(generated.Path);
        var ahead = DatasetStream.Open(generated.Path);

        var plain = stream.Structures().SelectMany(s => Analysis.Run(s)).ToList();
        var read = ahead.ReadAhead(authorities: 2).Select(s => (s.Id, Findings: Analysis.Run(s))).ToList();

        Assert.Equal(stream.Authorities.Select(a => a.Id), read.Select(r => r.Id));
        Assert.Equal(FindingsJson.Write(plain), FindingsJson.Write(read.SelectMany(r => r.Findings).ToList()));
        Assert.False(ahead.HasErrors);
    }

    [Fact]
    public void Findings_formatted_in_chunks_on_other_threads_join_into_the_same_text_as_the_whole_document()
    {
        var findings = Analysis.Run(DatasetLoader.Load(generated.Path).Dataset!);
        // Uneven chunks, some empty, formatted in parallel and added in order.
        var sizes = new[] { 0, 1, 0, 7, 2, 0, 31, 5 };
        var pieces = new List<List<Finding>>();
        for (int at = 0, i = 0; at < findings.Count; i++)
        {
            var n = Math.Min(sizes[i % sizes.Length], findings.Count - at);
            pieces.Add(findings.Skip(at).Take(n).ToList());
            at += n;
        }
        var chunks = pieces.AsParallel().AsOrdered().Select(FindingsJsonChunk.Of).ToList();
        using var writer = new FindingsJsonWriter(memoryLimit: 64 * 1024);
        foreach (var chunk in chunks) writer.Add(chunk);
        var text = new StringWriter();
        writer.WriteTo(text);

        Assert.Equal(findings.Count, writer.Count);
        Assert.Equal(FindingsJson.Write(findings), text.ToString());
    }

    [Fact]
    public void A_document_of_only_empty_chunks_is_the_empty_document()
    {
        using var writer = new FindingsJsonWriter();
        writer.Add(FindingsJsonChunk.Of([]));
        writer.Add(FindingsJsonChunk.Of([]));
        var bytes = new MemoryStream();
        writer.WriteTo(bytes);

        Assert.Equal(FindingsJson.Write([]), System.Text.Encoding.UTF8.GetString(bytes.ToArray()));
    }

    [Fact]
    public void Reading_and_analysing_authorities_in_parallel_gives_the_serial_findings_in_file_order()
    {
        var serial = DatasetStream.Open(generated.Path);
        var parallel = DatasetStream.Open(generated.Path);

        var plain = serial.Structures().Select(s => (s.Id, Findings: Analysis.Run(s))).ToList();
        var both = parallel.InParallel((s, invalid) =>
        {
            Assert.False(invalid);
            return Analysis.Run(s);
        }, window: 3).Select(r => (r.Structure.Id, Findings: r.Result)).ToList();

        Assert.Equal(plain.Select(p => p.Id), both.Select(p => p.Id));
        Assert.Equal(FindingsJson.Write(plain.SelectMany(p => p.Findings).ToList()), FindingsJson.Write(both.SelectMany(p => p.Findings).ToList()));
        Assert.Empty(parallel.Errors);
    }

    [Fact]
    public void A_streamed_invalid_dataset_reports_the_errors_Load_reports_in_the_same_order()
    {
        var dir = Directory.CreateTempSubdirectory("trustgraph-streaming-bad-").FullName;
        CopyDirectory(ShippedData(), dir);
        try
        {
            File.AppendAllText(Path.Combine(dir, "york", "memberships.csv"), "nosuch,Post,,,,member,,filled,missing-source#x\n");
            File.AppendAllText(Path.Combine(dir, "suffolk", "bodies.csv"), "ecg,Duplicate,board,strategy,2009,,suffolk-ecg-2009#x\n");
            File.AppendAllText(Path.Combine(dir, "authorities.csv"), "ghost,Ghost,,unitary\n");
            var loaded = DatasetLoader.Load(dir);
            var stream = DatasetStream.Open(dir);
            var ahead = DatasetStream.Open(dir);

            var parallel = DatasetStream.Open(dir);

            _ = stream.Structures().Count();
            _ = ahead.ReadAhead().Count();
            var structures = parallel.InParallel((s, invalid) => invalid ? s.Id : null, window: 2).ToList();

            Assert.Null(loaded.Dataset);
            Assert.True(loaded.Errors.Count >= 4);
            Assert.Equal(loaded.Errors, stream.Errors);
            Assert.Equal(loaded.Errors, ahead.Errors);
            Assert.True(ahead.HasErrors);
            Assert.Equal(loaded.Errors, parallel.Errors);
            Assert.Equal(["suffolk", "york"], structures.Select(r => r.Result).OfType<string>().Order());
            Assert.DoesNotContain("ghost", structures.Select(r => r.Structure.Id));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
