using System.CommandLine;
using TrustGraph.Analyses;
using TrustGraph.Guidance;
using TrustGraph.Neo4j;

namespace TrustGraph.Cli.Commands;

/// <summary>
/// <c>trustgraph neo4j push</c>: loads a dataset into Neo4j, one transaction per authority, with progress;
/// <c>trustgraph neo4j analyse</c>: <c>trustgraph analyse --backend neo4j</c>. Neo4j is found through NEO4J_URI,
/// NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE. Exit code 3: Neo4j could not be reached or refused the work.
/// </summary>
internal static class Neo4jCommand
{
    public const int Neo4jFailed = 3;

    public static Command Create(CliConsole console)
    {
        var command = new Command("neo4j", "Push a dataset into Neo4j and run the analyses there as Cypher (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE).");
        command.Subcommands.Add(Push(console));
        command.Subcommands.Add(AnalyseCommand.Create(console, defaultBackend: "neo4j"));
        return command;
    }

    private static Command Push(CliConsole console)
    {
        var data = Common.DataOption();
        var authority = new Option<string?>("--authority") { Description = "Only this authority (its id).", HelpName = "ID" };
        var replace = new Option<bool>("--replace") { Description = "Delete each authority's old subgraph first, so rows removed from the dataset disappear from Neo4j." };
        var ifEmpty = new Option<bool>("--if-empty") { Description = "Push only when Neo4j holds no TrustGraph authority yet (for loading data/ on first start)." };
        var command = new Command("push", "Load the dataset into Neo4j: one transaction per authority, idempotent (pushing twice gives the same graph).")
        {
            data, authority, replace, ifEmpty,
        };
        command.SetAction(parse =>
        {
            var dataset = Common.Load(parse.GetValue(data), console);
            if (dataset is null) return CliApp.InvalidInput;
            var id = parse.GetValue(authority);
            if (!Common.CheckScope(dataset, id, null, console)) return CliApp.InvalidInput;
            var options = Options(console);
            if (options is null) return CliApp.InvalidInput;

            using var client = new QueryApiClient(options);
            var retry = Retry(options, console);
            var pusher = new GraphPusher(client, retry);
            string? current = null;
            try
            {
                if (parse.GetValue(ifEmpty) && pusher.HasAuthoritiesAsync().GetAwaiter().GetResult())
                {
                    console.Out.WriteLine($"Neo4j at {options} already holds TrustGraph data; nothing pushed (--if-empty).");
                    return CliApp.Ok;
                }
                console.Out.WriteLine($"Pushing to Neo4j at {options}{(parse.GetValue(replace) ? ", replacing each authority's old subgraph" : "")}.");
                pusher.EnsureSchemaAsync().GetAwaiter().GetResult();
                pusher.PushSharedAsync(dataset, RelevantPartners.Statutory).GetAwaiter().GetResult();
                console.Out.WriteLine($"  sources and guidance: {dataset.Sources.Count} sources, {RelevantPartners.Statutory.Count} relevant partners");
                var pushed = 0;
                for (var i = 0; i < dataset.Authorities.Count; i++)
                {
                    var structure = dataset.Authorities[i];
                    if (id is not null && structure.Id != id) continue;
                    current = structure.Id;
                    console.Out.Write($"  {structure.Id}: ");
                    var s = pusher.PushAuthorityAsync(structure, i, parse.GetValue(replace)).GetAwaiter().GetResult();
                    console.Out.WriteLine($"{s.Bodies} bodies, {s.Seats} seats, {s.Lines} lines, {s.Duties} duties → {s.Nodes} nodes, "
                        + $"{s.Relationships} relationships in 1 transaction ({s.Statements} statements{(s.Attempts > 1 ? $", {s.Attempts} attempts" : "")})");
                    pushed++;
                }
                console.Out.WriteLine($"Pushed {pushed} authorit{(pushed == 1 ? "y" : "ies")}. Try: trustgraph analyse --backend neo4j");
                return CliApp.Ok;
            }
            catch (Neo4jException e)
            {
                console.Out.WriteLine();
                console.Error.WriteLine($"trustgraph: {e.Message}");
                if (current is not null)
                    console.Error.WriteLine($"trustgraph: nothing of {current} was written (its transaction was rolled back); authorities pushed before it are in Neo4j.");
                return Neo4jFailed;
            }
        });
        return command;
    }

    /// <summary>The findings from the Cypher twins in Neo4j, or null (the error printed) when Neo4j cannot give them.</summary>
    public static IReadOnlyList<Finding>? Findings(string? authority, string? arrangement, CliConsole console)
    {
        var options = Options(console);
        if (options is null) return null;
        using var client = new QueryApiClient(options);
        try
        {
            return new CypherBackend(client, Retry(options, console)).RunAsync(authority, arrangement).GetAwaiter().GetResult();
        }
        catch (Neo4jException e)
        {
            console.Error.WriteLine($"trustgraph: {e.Message}");
            return null;
        }
    }

    private static Neo4jOptions? Options(CliConsole console)
    {
        var options = Neo4jOptions.FromEnvironment(out var error);
        if (options is null) console.Error.WriteLine($"trustgraph: {error}");
        return options;
    }

    private static TransientRetry Retry(Neo4jOptions options, CliConsole console) => new(options)
    {
        Retrying = (attempt, wait, e) => console.Error.WriteLine(
            $"trustgraph: Neo4j is busy ({e.Code}); trying again in {wait.TotalSeconds:0.##} s (attempt {attempt + 1} of {options.MaxAttempts}).")
    };
}
