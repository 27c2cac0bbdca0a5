using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TrustGraph.Analyses;

/// <summary>The findings document of the data contract: <c>{ "findings": [ … ] }</c>.</summary>
public sealed record FindingsDocument([property: JsonPropertyName("findings")] IReadOnlyList<Finding> Findings);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(FindingsDocument))]
internal sealed partial class FindingsJsonContext : JsonSerializerContext;

public static class FindingsJson
{
    private static readonly JsonSerializerOptions Options = new(FindingsJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = FindingsJsonContext.Default,
    };

    internal static JsonTypeInfo<FindingsDocument> DocumentInfo => (JsonTypeInfo<FindingsDocument>)Options.GetTypeInfo(typeof(FindingsDocument));

    internal static JsonTypeInfo<Finding> FindingInfo => (JsonTypeInfo<Finding>)Options.GetTypeInfo(typeof(Finding));

    /// <summary>The writer settings the serializer itself uses for <see cref="Options"/>, so a document written piecemeal is the same bytes.</summary>
    internal static JsonWriterOptions WriterOptions => new()
    {
        Encoder = Options.Encoder,
        Indented = Options.WriteIndented,
        IndentCharacter = Options.IndentCharacter,
        IndentSize = Options.IndentSize,
        NewLine = Options.NewLine,
        MaxDepth = Options.MaxDepth,
        SkipValidation = true,
    };

    public static string Write(IReadOnlyList<Finding> findings) =>
        JsonSerializer.Serialize(new FindingsDocument(findings), DocumentInfo);

    public static FindingsDocument Read(string json) =>
        JsonSerializer.Deserialize(json, DocumentInfo)
        ?? throw new JsonException("the findings document is empty");
}

/// <summary>
/// Findings already written as they stand in the findings document (indented, UTF-8), made apart from the document so that
/// several threads can format the findings of different authorities at once; <see cref="FindingsJsonWriter.Add(FindingsJsonChunk)"/>
/// puts them in place. The bytes are the findings as the serializer writes them inside the document's array, without the comma
/// before the first.
/// </summary>
public sealed class FindingsJsonChunk
{
    private static readonly Lazy<(int Prefix, byte[] Empty, byte[] End)> Shape = new(() =>
    {
        // The document's fixed parts as Utf8JsonWriter writes them with these options, so the joined chunks are its bytes.
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, FindingsJson.WriterOptions);
        Start(writer);
        var prefix = buffer.WrittenCount;
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        var empty = buffer.WrittenSpan.ToArray();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        Start(writer);
        writer.WriteNumberValue(0);
        writer.Flush();
        var mark = buffer.WrittenCount;
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        return (prefix, empty, buffer.WrittenSpan[mark..].ToArray());
    });

    private FindingsJsonChunk(byte[] bytes, int count)
    {
        Bytes = bytes;
        Count = count;
    }

    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>How many findings the chunk holds.</summary>
    public int Count { get; }

    /// <summary><c>{ "findings": [</c> as written, for a document that has no findings yet.</summary>
    internal static ReadOnlySpan<byte> DocumentStart => Shape.Value.Empty.AsSpan(0, Shape.Value.Prefix);

    /// <summary>The whole document when it has no findings.</summary>
    internal static ReadOnlySpan<byte> EmptyDocument => Shape.Value.Empty;

    /// <summary>What closes the array and the document after the last finding.</summary>
    internal static ReadOnlySpan<byte> DocumentEnd => Shape.Value.End;

    /// <summary>Formats <paramref name="findings"/> as they stand in the document. Safe to call from several threads at once.</summary>
    public static FindingsJsonChunk Of(IEnumerable<Finding> findings)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using var writer = new Utf8JsonWriter(buffer, FindingsJson.WriterOptions);
        Start(writer);
        var prefix = buffer.WrittenCount;
        var count = 0;
        foreach (var finding in findings)
        {
            JsonSerializer.Serialize(writer, finding, FindingsJson.FindingInfo);
            count++;
        }
        writer.Flush();
        return new FindingsJsonChunk(buffer.WrittenSpan[prefix..].ToArray(), count);
    }

    private static void Start(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("findings");
        writer.WriteStartArray();
        writer.Flush();
    }
}

/// <summary>
/// The findings document written a few findings at a time, as findings are made: the same text as <see cref="FindingsJson.Write"/>
/// gives for the same findings, without holding the findings or one large string. The UTF-8 is kept in 64 KiB segments up to
/// <see cref="MemoryLimit"/> bytes and in a temporary file (deleted when the writer is disposed) beyond it, so a national
/// document costs the process two megabytes, not its size.
/// </summary>
public sealed class FindingsJsonWriter : IDisposable
{
    public const int MemoryLimit = 2 * 1024 * 1024;

    private readonly SpillingBuffer _buffer;
    private bool _ended;

    public FindingsJsonWriter() : this(MemoryLimit) { }

    internal FindingsJsonWriter(int memoryLimit)
    {
        _buffer = new SpillingBuffer(memoryLimit);
    }

    public int Count { get; private set; }

    public void Add(Finding finding) => Add(FindingsJsonChunk.Of([finding]));

    /// <summary>Appends findings formatted elsewhere (perhaps on another thread), after those already added.</summary>
    public void Add(FindingsJsonChunk chunk)
    {
        if (_ended) throw new InvalidOperationException("the document has already been written out");
        if (chunk.Count == 0) return;
        Write(Count == 0 ? FindingsJsonChunk.DocumentStart : ","u8);
        Write(chunk.Bytes.Span);
        _buffer.SpillIfFull();
        Count += chunk.Count;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            var span = _buffer.GetSpan(1);
            var n = Math.Min(span.Length, bytes.Length);
            bytes[..n].CopyTo(span);
            _buffer.Advance(n);
            bytes = bytes[n..];
        }
    }

    /// <summary>Ends the document and writes it to <paramref name="output"/> (no newline after it).</summary>
    public void WriteTo(TextWriter output)
    {
        if (!_ended)
        {
            Write(Count == 0 ? FindingsJsonChunk.EmptyDocument : FindingsJsonChunk.DocumentEnd);
            _ended = true;
        }
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
        var chars = ArrayPool<char>.Shared.Rent(SpillingBuffer.SegmentSize);
        try
        {
            foreach (var bytes in _buffer.Contents())
            {
                var n = decoder.GetChars(bytes.Span, chars, flush: false); // UTF-8 never gives more chars than bytes
                output.Write(chars, 0, n);
            }
            output.Write(chars, 0, decoder.GetChars([], chars, flush: true));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Ends the document and writes its UTF-8 bytes to <paramref name="output"/> (no newline after it), with no decoding.</summary>
    public void WriteTo(Stream output)
    {
        if (!_ended)
        {
            Write(Count == 0 ? FindingsJsonChunk.EmptyDocument : FindingsJsonChunk.DocumentEnd);
            _ended = true;
        }
        foreach (var bytes in _buffer.Contents()) output.Write(bytes.Span);
    }

    public void Dispose() => _buffer.Dispose();

    /// <summary>
    /// An <see cref="IBufferWriter{T}"/> over 64 KiB arrays that moves its full segments to a temporary file once they hold more
    /// than the limit, and reuses the arrays. Where no temporary file can be made, everything stays in memory.
    /// </summary>
    internal sealed class SpillingBuffer(int limit) : IBufferWriter<byte>, IDisposable
    {
        public const int SegmentSize = 64 * 1024;
        private readonly List<(byte[] Array, int Used)> _segments = [];
        private readonly Stack<byte[]> _free = new();
        private FileStream? _spill;
        private bool _spillUnavailable;

        public void Advance(int count)
        {
            var (array, used) = _segments[^1];
            _segments[^1] = (array, used + count);
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => Current(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Current(sizeHint).Span;

        private Memory<byte> Current(int sizeHint)
        {
            sizeHint = Math.Max(sizeHint, 1);
            if (_segments.Count == 0 || _segments[^1].Array.Length - _segments[^1].Used < sizeHint)
                _segments.Add((sizeHint <= SegmentSize && _free.TryPop(out var reused) ? reused : new byte[Math.Max(SegmentSize, sizeHint)], 0));
            var (array, used) = _segments[^1];
            return array.AsMemory(used);
        }

        /// <summary>Moves every segment but the one being filled to the temporary file, once they hold more than the limit.</summary>
        public void SpillIfFull()
        {
            if (_spillUnavailable || _segments.Count < 2 || (long)(_segments.Count - 1) * SegmentSize < limit) return;
            if (_spill is null)
            {
                try
                {
                    _spill = new FileStream(Path.Combine(Path.GetTempPath(), $"trustgraph-findings-{Guid.NewGuid():N}.json"),
                        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    _spillUnavailable = true;
                    return;
                }
            }
            for (var i = 0; i < _segments.Count - 1; i++)
            {
                _spill.Write(_segments[i].Array, 0, _segments[i].Used);
                if (_segments[i].Array.Length == SegmentSize) _free.Push(_segments[i].Array);
            }
            _segments.RemoveRange(0, _segments.Count - 1);
        }

        /// <summary>Everything written, in order: the temporary file's contents, then the segments still in memory.</summary>
        public IEnumerable<ReadOnlyMemory<byte>> Contents()
        {
            if (_spill is not null)
            {
                _spill.Position = 0;
                var chunk = ArrayPool<byte>.Shared.Rent(SegmentSize);
                try
                {
                    int read;
                    while ((read = _spill.Read(chunk, 0, SegmentSize)) > 0) yield return chunk.AsMemory(0, read);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(chunk);
                }
            }
            foreach (var (array, used) in _segments) yield return array.AsMemory(0, used);
        }

        public void Dispose()
        {
            _spill?.Dispose();
            _segments.Clear();
            _free.Clear();
        }
    }
}
