using System.Buffers;
using System.Text;

namespace TrustGraph.Analyses;

/// <summary>
/// Output made piece by piece (one authority's findings at a time, perhaps on other threads) and held until it is known to be
/// wanted: a report is printed only once the whole dataset has proved valid. The first 2 MB stay in memory, the rest goes to
/// a temporary file, so a national report does not have to fit in memory.
/// </summary>
public sealed class OutputSpool : IDisposable
{
    private readonly FindingsJsonWriter.SpillingBuffer _buffer;

    public OutputSpool() : this(FindingsJsonWriter.MemoryLimit) { }

    internal OutputSpool(int memoryLimit) => _buffer = new FindingsJsonWriter.SpillingBuffer(memoryLimit);

    /// <summary>Appends UTF-8 text after what is already held.</summary>
    public void Add(ReadOnlySpan<byte> utf8)
    {
        while (utf8.Length > 0)
        {
            var span = _buffer.GetSpan(1);
            var n = Math.Min(span.Length, utf8.Length);
            utf8[..n].CopyTo(span);
            _buffer.Advance(n);
            utf8 = utf8[n..];
        }
        _buffer.SpillIfFull();
    }

    /// <summary>Writes everything held to <paramref name="output"/>, in the order it was added.</summary>
    public void WriteTo(TextWriter output)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
        var chars = ArrayPool<char>.Shared.Rent(FindingsJsonWriter.SpillingBuffer.SegmentSize);
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

    public void Dispose() => _buffer.Dispose();
}
