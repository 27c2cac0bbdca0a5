using TrustGraph.Graph;

namespace TrustGraph.Core.Tests.Scale;

/// <summary>The allocation-free <see cref="PersonName.Key"/> must name the same people as the plain definition it replaced.</summary>
public sealed class PersonNameTests
{
    private static readonly string[] Honorifics = ["cllr", "councillor", "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "rev", "revd", "sir", "dame"];

    private static string Definition(string name)
    {
        var words = name.ToLowerInvariant()
            .Split([' ', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ','))
            .Where(w => w.Length > 0)
            .ToList();
        while (words.Count > 1 && Honorifics.Contains(words[0])) words.RemoveAt(0);
        return string.Join(' ', words);
    }

    [Theory]
    [InlineData("Cllr Jane Smith", "jane smith")]
    [InlineData("  DR.  Richard   KEBLE, ", "richard keble")]
    [InlineData("Mr", "mr")]
    [InlineData("Dr Mr Sir", "sir")]
    [InlineData("Åsa Johnsson Humphries", "åsa johnsson humphries")]
    [InlineData("Simon Hairsnape / Lynn Takavarasha", "simon hairsnape / lynn takavarasha")]
    [InlineData("...", "")]
    public void Honorifics_case_and_spacing_do_not_make_two_people(string name, string key) =>
        Assert.Equal(key, PersonName.Key(name));

    [Fact]
    public void Key_agrees_with_the_plain_definition_on_many_awkward_names()
    {
        var pieces = new[] { "Cllr", "cllr", "DR", "Dr.", "mr", "Mrs,", "Prof", "Sir", "Dame", "Jane", "SMITH", "O'Brien", "Åsa", "İlker", "Straße", "ΣΟΦΙΑ",
            "Keble,", ".", ",", "..x..", "a", "", "Żaneta", "\U0001D400bc" };
        var separators = new[] { " ", "  ", "\t", "\u00a0", " \t ", "" };
        var random = new Random(20260101);
        for (var n = 0; n < 20_000; n++)
        {
            var words = Enumerable.Range(0, random.Next(0, 6)).Select(_ => pieces[random.Next(pieces.Length)] + separators[random.Next(separators.Length)]);
            var name = separators[random.Next(separators.Length)] + string.Concat(words);
            Assert.Equal(Definition(name), PersonName.Key(name));
        }
        var longName = string.Join(" ", Enumerable.Repeat("Dr Jane.", 200));
        Assert.Equal(Definition(longName), PersonName.Key(longName));
    }
}
