using TrustGraph.Generation;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Diagrams;

/// <summary>
/// A synthetic authority of exactly N bodies: the first arrangements of generated authorities put side by side (ids
/// prefixed so they stay apart) until N bodies are reached, so a diagram of any size has the real shape of the papers.
/// </summary>
internal static class SyntheticAuthority
{
    public static GovernanceGraph OfSize(int bodies, int seed = 7)
    {
        var generated = SyntheticNation.Generate(new GeneratorOptions(bodies / 15 + 2, seed) { Today = new DateOnly(2010, 6, 1) });
        var allBodies = new List<Body>();
        var seats = new List<Seat>();
        var lines = new List<AccountabilityLine>();
        var duties = new List<Duty>();
        foreach (var (structure, i) in generated.Dataset.Authorities.Select((s, i) => (s, i)))
        {
            if (allBodies.Count >= bodies) break;
            var graph = GovernanceGraph.For(structure)[0];
            var prefix = $"a{i}-";
            var kept = graph.Bodies.Take(bodies - allBodies.Count).ToList();
            var ids = kept.Select(b => b.Id).ToHashSet();
            allBodies.AddRange(kept.Select(b => b with
            {
                Id = prefix + b.Id, Arrangement = null,
                PartOf = b.PartOf is not null && ids.Contains(b.PartOf) ? prefix + b.PartOf : null,
            }));
            seats.AddRange(structure.Seats.Where(s => ids.Contains(s.Body)).Select(s => s with { Body = prefix + s.Body }));
            lines.AddRange(graph.Lines.Edges.Select(e => e.Line).Where(l => ids.Contains(l.From) && ids.Contains(l.To))
                .Select(l => l with { From = prefix + l.From, To = prefix + l.To }));
            duties.AddRange(structure.Duties.Where(d => ids.Contains(d.Body)).Select(d => d with { Body = prefix + d.Body }));
        }
        var first = generated.Dataset.Authorities[0].Authority;
        var authority = first with { Id = $"synthetic-{bodies}", Name = $"Synthetic authority of {bodies} bodies" };
        return GovernanceGraph.For(new AuthorityStructure(authority, [], allBodies, seats, lines, duties))[0];
    }
}
