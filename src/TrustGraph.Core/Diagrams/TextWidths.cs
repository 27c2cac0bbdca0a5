using System.Text;

namespace TrustGraph.Diagrams;

/// <summary>
/// Text measured without fonts: advance widths of Helvetica (which Arial and Liberation Sans share), in thousandths of
/// the font size. The same dataset therefore gives the same boxes, and byte-identical SVG, on every machine. Every line
/// is also drawn with <c>textLength</c> set to this width, so a browser that falls back to a wider font squeezes the
/// line into its measured width instead of letting it run out of its box.
/// </summary>
internal static class TextWidths
{
    private static readonly short[] Helvetica =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];

    /// <summary>Bold Helvetica is about 7% wider than regular, a little more for capitals; 1.08 keeps bold text inside.</summary>
    private const double BoldFactor = 1.08;

    public static double Measure(string text, double size, bool bold = false, double letterSpacing = 0)
    {
        var units = 0;
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            count++;
            var code = rune.Value;
            units += code switch
            {
                >= 32 and <= 126 => Helvetica[code - 32],
                0x2018 or 0x2019 => 222,
                0x201C or 0x201D => 333,
                0x2013 => 556,
                0x2014 => 1000,
                0x00B7 => 278,
                _ => 700,
            };
        }
        return units / 1000.0 * size * (bold ? BoldFactor : 1) + letterSpacing * count;
    }

    /// <summary>Greedy word wrap to <paramref name="maxWidth"/>; a word longer than a whole line is broken with a hyphen.</summary>
    public static IReadOnlyList<string> Wrap(string text, double size, double maxWidth, bool bold = false)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw;
            while (Measure(word, size, bold) > maxWidth && word.Length > 2)
            {
                var cut = word.Length - 1;
                while (cut > 1 && Measure(word[..cut] + "-", size, bold) > maxWidth) cut--;
                if (line.Length > 0) { lines.Add(line); line = ""; }
                lines.Add(word[..cut] + "-");
                word = word[cut..];
            }
            var candidate = line.Length > 0 ? line + " " + word : word;
            if (Measure(candidate, size, bold) <= maxWidth) line = candidate;
            else
            {
                if (line.Length > 0) lines.Add(line);
                line = word;
            }
        }
        if (line.Length > 0) lines.Add(line);
        return lines.Count > 0 ? lines : [""];
    }

    /// <summary>Text for XML content and attribute values; characters XML cannot hold are dropped.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var b = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': b.Append("&amp;"); break;
                case '<': b.Append("&lt;"); break;
                case '>': b.Append("&gt;"); break;
                case '"': b.Append("&quot;"); break;
                case '\'': b.Append("&#39;"); break;
                case '\t' or '\n' or '\r': b.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                default: b.Append(c); break;
            }
        }
        return b.ToString();
    }

    /// <summary>A value safe inside a class or id attribute.</summary>
    public static string Token(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var b = new StringBuilder(value.Length);
        foreach (var c in value) b.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        return b.ToString();
    }
}
