using System.Globalization;

namespace TrustGraph.Model;

/// <summary>
/// A date as precise as the papers give it: a year, a month or a day. The law is judged on
/// the first day the date can mean; <see cref="IsImprecise"/> tells a reader when that matters.
/// </summary>
public readonly record struct PartialDate(int Year, int? Month, int? Day)
{
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    public DateOnly Latest => Day is not null ? Earliest
        : Month is int m ? new DateOnly(Year, m, DateTime.DaysInMonth(Year, m))
        : new DateOnly(Year, 12, 31);

    public bool IsImprecise => Day is null;

    /// <summary>True when the date could fall either side of <paramref name="day"/>.</summary>
    public bool Straddles(DateOnly day) => Earliest < day && Latest >= day;

    public static bool TryParse(string text, out PartialDate date) => TryParse(text.AsSpan(), out date);

    public static bool TryParse(ReadOnlySpan<char> text, out PartialDate date)
    {
        date = default;
        var first = text.IndexOf('-');
        var year = first < 0 ? text : text[..first];
        var rest = first < 0 ? [] : text[(first + 1)..];
        var second = first < 0 ? -1 : rest.IndexOf('-');
        var month = first < 0 ? [] : second < 0 ? rest : rest[..second];
        var day = second < 0 ? [] : rest[(second + 1)..];
        if (day.Contains('-') || year.Length != 4) return false;
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1000) return false;
        int? m = null, d = null;
        if (first >= 0)
        {
            if (month.Length != 2 || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var mm) || mm is < 1 or > 12) return false;
            m = mm;
        }
        if (second >= 0)
        {
            if (day.Length != 2 || !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var dd) || dd < 1 || dd > DateTime.DaysInMonth(y, m!.Value)) return false;
            d = dd;
        }
        date = new PartialDate(y, m, d);
        return true;
    }

    public override string ToString() =>
        Day is int d ? $"{Year:D4}-{Month:D2}-{d:D2}" : Month is int m ? $"{Year:D4}-{m:D2}" : $"{Year:D4}";

    /// <summary>A reader's form: "1 April 2010", "March 2009", "2009".</summary>
    public string ToReadable() =>
        Day is not null ? Earliest.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
        : Month is not null ? Earliest.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
        : Year.ToString(CultureInfo.InvariantCulture);
}
