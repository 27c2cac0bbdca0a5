using System.Text;
using System.Text.Unicode;
using TrustGraph.Loading;

namespace TrustGraph.Import;

/// <summary>A spreadsheet export decoded to text, with the encoding it was read as (for the preview).</summary>
public sealed record DecodedText(string Text, string Encoding);

/// <summary>
/// Turns the bytes of a spreadsheet's CSV export into text. A byte order mark decides (UTF-8, UTF-16 LE or BE);
/// without one, bytes that are valid UTF-8 are UTF-8, and bytes with no UTF-8 sequence at all are Windows-1252, which
/// is what Excel writes on English Windows — so a pound sign or an accented name survives either way. A file that is
/// UTF-8 (by its byte order mark, or by the UTF-8 it holds) with a byte that is not is refused at that byte's line and
/// column: reading it all as Windows-1252 would corrupt every correct accented name ("Åsa" → "Ã…sa"). Empty, oversized and binary files
/// (a workbook saved as .xlsx, a PDF) are refused with a message saying what was expected.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>The largest file accepted: 10 MB, far more than any membership list.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    private static readonly Encoding Windows1252;

    static SpreadsheetText()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    public static DecodedText? Decode(string fileName, ReadOnlySpan<byte> bytes, ICollection<DatasetError> errors)
    {
        if (bytes.Length > MaxBytes)
        {
            errors.Add(TooBig(fileName, bytes.Length));
            return null;
        }

        string text, encoding;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            if (FirstInvalidUtf8(bytes[3..], out _) is int bad)
            {
                errors.Add(NotUtf8(fileName, bytes[3..], bad, "the file starts with a UTF-8 byte order mark"));
                return null;
            }
            (text, encoding) = (Encoding.UTF8.GetString(bytes[3..]), "UTF-8 with BOM");
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            (text, encoding) = (Encoding.Unicode.GetString(bytes[2..]), "UTF-16 LE");
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            (text, encoding) = (Encoding.BigEndianUnicode.GetString(bytes[2..]), "UTF-16 BE");
        else if (Utf16WithoutBom(bytes) is { } utf16)
            (text, encoding) = (utf16.GetString(bytes), utf16 == Encoding.Unicode ? "UTF-16 LE (no BOM)" : "UTF-16 BE (no BOM)");
        else if (FirstInvalidUtf8(bytes, out var multiByte) is not int invalid)
            (text, encoding) = (Encoding.UTF8.GetString(bytes), "UTF-8");
        else if (multiByte > 0)
        {
            errors.Add(NotUtf8(fileName, bytes, invalid, $"the file holds UTF-8 text ({multiByte} accented or other non-ASCII character{(multiByte == 1 ? "" : "s")} before it)"));
            return null;
        }
        else
            (text, encoding) = (Windows1252.GetString(bytes), "Windows-1252");

        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new DatasetError(fileName, 0, 0,
                bytes.Length == 0 ? "the file is empty; expected a CSV export of a membership list with a header row"
                                  : "the file holds only blank space; expected a CSV export of a membership list with a header row"));
            return null;
        }
        if (LooksBinary(text, out var line))
        {
            errors.Add(new DatasetError(fileName, line, 0,
                "this is not a text file (it holds NUL or control characters, as a workbook, PDF or image does); "
                + "expected a CSV export: in Excel use File > Save As > CSV UTF-8 (Comma delimited)"));
            return null;
        }
        return new DecodedText(text, encoding);
    }

    public static DatasetError TooBig(string fileName, long length) =>
        new(fileName, 0, 0, $"the file is {length / (1024.0 * 1024):0.0} MB; expected at most {MaxBytes / (1024 * 1024)} MB (a membership list is a few kilobytes: is this the right file?)");

    /// <summary>The offset of the first byte that is not valid UTF-8 (null when all are), and how many multi-byte characters come before it.</summary>
    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes, out int multiByte)
    {
        multiByte = 0;
        if (Utf8.IsValid(bytes))
        {
            for (var i = 0; i < bytes.Length; i++)
                if (bytes[i] >= 0xC0) multiByte++;
            return null;
        }
        for (var at = 0; at < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes[at..], out _, out var used) != System.Buffers.OperationStatus.Done) return at;
            if (used > 1) multiByte++;
            at += used;
        }
        return null;
    }

    /// <summary>An invalid byte in UTF-8 text, at its line and column (counted in characters, as an editor shows them).</summary>
    private static DatasetError NotUtf8(string fileName, ReadOnlySpan<byte> bytes, int offset, string why)
    {
        var before = Encoding.UTF8.GetString(bytes[..offset]);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == '\n' || (before[i] == '\r' && (i + 1 >= before.Length || before[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        var column = before.Length - lineStart + 1;
        return new DatasetError(fileName, line, column,
            $"byte 0x{bytes[offset]:X2} is not UTF-8, though {why}; nothing was re-read in another encoding, so that correct names stay correct. "
            + "Expected UTF-8 throughout: this line was probably pasted from a Windows-1252 file; retype its accented letters, or save the file again as CSV UTF-8");
    }

    /// <summary>
    /// Text in UTF-16 saved without a byte order mark: an even number of bytes, and (as in any Latin-script text) nearly
    /// every second byte zero while the others are not.
    /// </summary>
    private static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0 || bytes.IndexOf((byte)0) < 0) return null;
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < bytes.Length; i += 2)
        {
            if (bytes[i] == 0) zeroEven++;
            if (bytes[i + 1] == 0) zeroOdd++;
        }
        var pairs = bytes.Length / 2;
        if (zeroOdd * 10 >= pairs * 9 && zeroEven * 10 < pairs) return Encoding.Unicode;
        if (zeroEven * 10 >= pairs * 9 && zeroOdd * 10 < pairs) return Encoding.BigEndianUnicode;
        return null;
    }

    /// <summary>Any NUL, or more than one character in twenty a control character other than tab, CR, LF and form feed.</summary>
    private static bool LooksBinary(string text, out int line)
    {
        line = 0;
        var controls = 0;
        var currentLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') currentLine++;
            if (c == '\0')
            {
                line = currentLine;
                return true;
            }
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f')) controls++;
        }
        return controls * 20 > text.Length;
    }
}
