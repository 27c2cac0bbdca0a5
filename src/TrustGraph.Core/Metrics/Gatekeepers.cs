using QuikGraph;
using TrustGraph.Graph;

namespace TrustGraph.Metrics;

/// <summary>
/// A person who holds many seats or sits between many others in the membership network: the over-stretched
/// director, the single point of failure. <see cref="Betweenness"/> is the share of shortest paths between other
/// people and bodies in the person–body network that pass through this person (0 to 1).
/// </summary>
public sealed record Gatekeeper(string Name, int Seats, IReadOnlyList<string> Bodies, double Betweenness);

/// <summary>Ranks people by seats held and by betweenness centrality (Brandes' algorithm) over the person–body graph.</summary>
public static class Gatekeepers
{
    public static IReadOnlyList<Gatekeeper> Find(GovernanceGraph graph, int top = 10)
    {
        var network = new UndirectedGraph<string, Edge<string>>(allowParallelEdges: false);
        foreach (var body in graph.Bodies) network.AddVertex("b:" + body.Id);
        foreach (var person in graph.People)
        {
            network.AddVertex("p:" + person.Key);
            foreach (var bodyId in person.BodyIds) network.AddEdge(new Edge<string>("p:" + person.Key, "b:" + bodyId));
        }

        var betweenness = Betweenness(network);
        var n = network.VertexCount;
        var scale = n > 2 ? 2.0 / ((n - 1) * (n - 2)) : 0;
        return graph.People
            .Select(p => new Gatekeeper(p.Name, p.Seats.Count, p.BodyIds.ToList(), betweenness["p:" + p.Key] * scale))
            .OrderByDescending(g => g.Bodies.Count).ThenByDescending(g => g.Betweenness).ThenBy(g => g.Name, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    /// <summary>Brandes (2001) for an unweighted undirected graph; each unordered pair counted once.</summary>
    private static Dictionary<string, double> Betweenness(UndirectedGraph<string, Edge<string>> g)
    {
        var centrality = g.Vertices.ToDictionary(v => v, _ => 0.0);
        foreach (var s in g.Vertices)
        {
            var stack = new Stack<string>();
            var predecessors = g.Vertices.ToDictionary(v => v, _ => new List<string>());
            var sigma = g.Vertices.ToDictionary(v => v, _ => 0.0);
            var distance = g.Vertices.ToDictionary(v => v, _ => -1);
            sigma[s] = 1;
            distance[s] = 0;
            var queue = new Queue<string>();
            queue.Enqueue(s);
            while (queue.Count > 0)
            {
                var v = queue.Dequeue();
                stack.Push(v);
                foreach (var w in g.AdjacentVertices(v))
                {
                    if (distance[w] < 0)
                    {
                        distance[w] = distance[v] + 1;
                        queue.Enqueue(w);
                    }
                    if (distance[w] == distance[v] + 1)
                    {
                        sigma[w] += sigma[v];
                        predecessors[w].Add(v);
                    }
                }
            }
            var delta = g.Vertices.ToDictionary(v => v, _ => 0.0);
            while (stack.Count > 0)
            {
                var w = stack.Pop();
                foreach (var v in predecessors[w]) delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
                if (w != s) centrality[w] += delta[w];
            }
        }
        foreach (var v in centrality.Keys.ToList()) centrality[v] /= 2;
        return centrality;
    }
}
