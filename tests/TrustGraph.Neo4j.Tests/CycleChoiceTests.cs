using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// The Cypher twin names a loop by the shortest cycle through its first body, ties broken by the back line listed
/// first and then by the path whose lines come first (accountability-cycle.cypher). This checks, on many random
/// graphs with ties and parallel lines, that the embedded analysis (QuikGraph's Dijkstra) picks the very same cycle,
/// by replaying the twin's rule in C#.
/// </summary>
public sealed class CycleChoiceTests
{
    [Fact]
    public void The_twins_tie_break_picks_the_cycle_the_embedded_analysis_picks()
    {
        var random = new Random(20090310);
        var compared = 0;
        for (var t = 0; t < 1500; t++)
        {
            var n = random.Next(2, 8);
            var bodies = Enumerable.Range(0, n).Select(i => new Body($"b{i}", $"B{i}", BodyKind.Thematic, OnionLayer.Strategy, null, null, new SourceRef("s", null))).ToList();
            var lines = Enumerable.Range(0, random.Next(1, 16)).Select(e => new AccountabilityLine($"b{random.Next(n)}", $"b{random.Next(n)}",
                random.Next(3) == 0 ? AccountabilityKind.ReportsTo : AccountabilityKind.AccountableTo, new SourceRef("s", $"l{e}"))).ToList();
            var graph = GovernanceGraph.For(new AuthorityStructure(new Authority("a", "A", null, null), [], bodies, [], lines, [])).Single();

            foreach (var finding in AccountabilityCycles.Find(graph).Where(f => f.Bodies.Count > 1))
            {
                var cycle = TwinRule(lines, finding.Bodies);
                var names = cycle.Select(i => $"B{lines[i].From[1..]}").Append($"B{finding.Bodies[0][1..]}").ToList();
                Assert.Equal(AccountabilityCycles.CycleMessage(names, finding.Bodies.Count), finding.Message);
                Assert.Equal(cycle.Select(i => lines[i].Source.ToString()).Distinct(), finding.Sources);
                compared++;
            }
        }
        Assert.True(compared > 500, $"only {compared} cycles were compared");
    }

    /// <summary>The twin's rule: line indexes of the chosen cycle through the component's first body.</summary>
    private static List<int> TwinRule(List<AccountabilityLine> lines, IReadOnlyList<string> component)
    {
        var start = component[0];
        List<int>? best = null;
        for (var back = 0; back < lines.Count; back++)
        {
            var l = lines[back];
            if (l.To != start || l.From == start || !component.Contains(l.From)) continue;
            var paths = AllShortestPaths(lines, start, l.From);
            var first = paths.OrderBy(p => p, Comparer<List<int>>.Create(Lexicographic)).First();
            var cycle = first.Append(back).ToList();
            if (best is null || cycle.Count < best.Count) best = cycle;
        }
        return best!;
    }

    private static List<List<int>> AllShortestPaths(List<AccountabilityLine> lines, string from, string to)
    {
        var frontier = new List<(string At, List<int> Path)> { (from, []) };
        var seen = new HashSet<string> { from };
        while (frontier.Count > 0)
        {
            var next = new List<(string, List<int>)>();
            for (var i = 0; i < frontier.Count; i++)
                for (var e = 0; e < lines.Count; e++)
                    if (lines[e].From == frontier[i].At && !seen.Contains(lines[e].To))
                        next.Add((lines[e].To, [.. frontier[i].Path, e]));
            var done = next.Where(x => x.Item1 == to).Select(x => x.Item2).ToList();
            if (done.Count > 0) return done;
            foreach (var (at, _) in next) seen.Add(at);
            frontier = next;
        }
        return [];
    }

    private static int Lexicographic(List<int> x, List<int> y)
    {
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++) if (x[i] != y[i]) return x[i].CompareTo(y[i]);
        return x.Count.CompareTo(y.Count);
    }
}
