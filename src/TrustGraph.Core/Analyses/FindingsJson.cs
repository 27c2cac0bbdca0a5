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
/// The findings document written one finding at a time, as findings are made, into UTF-8 held in pooled segments: the same
/// text as <see cref="FindingsJson.Write"/> gives for the same findings, without holding the findings or one large string.
/// </summary>
public sealed class FindingsJsonWriter : IDisposable
{
    private readonly SegmentedBuffer _buffer = new();
    private readonly Utf8JsonWriter _writer;
    private bool _ended;

    public FindingsJsonWriter()
    {
        _writer = new Utf8JsonWriter(_buffer, FindingsJson.WriterOptions);
        _writer.WriteStartObject();
        _writer.WritePropertyName("findings");
        _writer.WriteStartArray();
    }

    public int Count { get; private set; }

    public void Add(Finding finding)
    {
        if (_ended) throw new InvalidOperationException("the document has already been written out");
        JsonSerializer.Serialize(_writer, finding, FindingsJson.FindingInfo);
        Count++;
    }

    /// <summary>Ends the document and writes it to <paramref name="output"/> (no newline after it).</summary>
    public void WriteTo(TextWriter output)
    {
        if (!_ended)
        {
            _writer.WriteEndArray();
            _writer.WriteEndObject();
            _writer.Flush();
            _ended = true;
        }
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
        var chars = ArrayPool<char>.Shared.Rent(SegmentedBuffer.SegmentSize);
        try
        {
            var segments = _buffer.Segments;
            for (var i = 0; i < segments.Count; i++)
            {
                var bytes = segments[i];
                while (!bytes.IsEmpty)
                {
                    var take = Math.Min(bytes.Length, chars.Length); // UTF-8 never gives more chars than bytes
                    var n = decoder.GetChars(bytes.Span[..take], chars, flush: i == segments.Count - 1 && take == bytes.Length);
                    output.Write(chars, 0, n);
                    bytes = bytes[take..];
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _buffer.Dispose();
    }

    /// <summary>An <see cref="IBufferWriter{T}"/> over pooled 64 KiB arrays, so a long document never needs one large block.</summary>
    private sealed class SegmentedBuffer : IBufferWriter<byte>, IDisposable
    {
        public const int SegmentSize = 64 * 1024;
        private readonly List<(byte[] Array, int Used)> _segments = [];

        public IReadOnlyList<ReadOnlyMemory<byte>> Segments => _segments.Select(s => new ReadOnlyMemory<byte>(s.Array, 0, s.Used)).ToList();

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
                _segments.Add((ArrayPool<byte>.Shared.Rent(Math.Max(SegmentSize, sizeHint)), 0));
            var (array, used) = _segments[^1];
            return array.AsMemory(used);
        }

        public void Dispose()
        {
            foreach (var (array, _) in _segments) ArrayPool<byte>.Shared.Return(array);
            _segments.Clear();
        }
    }
}
