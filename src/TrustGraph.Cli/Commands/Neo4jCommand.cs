using System.CommandLine;
using TrustGraph.Analyses;
using TrustGraph.Guidance;
using TrustGraph.Loading;
using TrustGraph.Neo4j;

namespace TrustGraph.Cli.Commands;

/// <summary>
/// <c>trustgraph neo4j push</c>: loads a dataset into Neo4j, one transaction per authority, with progress;
/// <c>trustgraph neo4j analyse</c>: <c>trustgraph analyse --backend neo4j</c>; <c>trustgraph neo4j pull</c>: reads the
/// graph back and writes it as a dataset folder. Neo4j is found through NEO4J_URI,
/// NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE. Exit code 3: Neo4j could not be reached or refused the work.
/// </summary>
internal static class Neo4jCommand
{
    public const int Neo4jFailed = 3;

    public static Command Create(CliConsole console)
    {
        var command = new Command("neo4j", "Push a dataset into Neo4j, run the analyses there as Cypher, pull it back out (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE).");
        command.Subcommands.Add(Push(console));
        command.Subcommands.Add(Pull(console));
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

    private static Command Pull(CliConsole console)
    {
        var output = new Option<string>("--out") { Description = "The folder to write the dataset into; it must be new or empty.", HelpName = "DIR", Required = true };
        var command = new Command("pull", "Read the graph back from Neo4j, check it as the loader checks a folder, and write it as a dataset folder (the CSVs of the data contract).")
        {
            output,
        };
        command.SetAction(parse =>
        {
            var target = Path.GetFullPath(parse.GetValue(output)!);
            if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
            {
                console.Error.WriteLine($"trustgraph: {target} is not an empty folder; nothing was read or written. Expected a new or empty folder for the pulled dataset.");
                return CliApp.InvalidInput;
            }
            var options = Options(console);
            if (options is null) return CliApp.InvalidInput;

            LoadResult result;
            using (var client = new QueryApiClient(options))
            {
                try
                {
                    result = Neo4jDatasetReader.ReadAsync(client, Retry(options, console)).GetAwaiter().GetResult();
                }
                catch (Neo4jException e)
                {
                    console.Error.WriteLine($"trustgraph: {e.Message}");
                    return Neo4jFailed;
                }
            }
            if (result.Dataset is not { } dataset)
            {
                console.Error.WriteLine($"trustgraph: the graph in Neo4j at {options} is not a valid TrustGraph dataset ({result.Errors.Count} problem{(result.Errors.Count == 1 ? "" : "s")}); nothing was written:");
                foreach (var error in result.Errors) console.Error.WriteLine("  " + CliConsole.Safe(error.ToString()));
                return CliApp.InvalidInput;
            }

            // Written beside the target and moved into place whole, so DIR never holds half a dataset.
            var parent = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(parent);
            var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.pull-{Guid.NewGuid():N}");
            try
            {
                DatasetWriter.Write(dataset, staging);
                var check = DatasetLoader.Load(staging);
                if (!check.IsValid)
                    throw new InvalidDataException("the pulled dataset did not load back from its CSVs: " + string.Join("; ", check.Errors));
                if (Directory.Exists(target)) Directory.Delete(target);
                Directory.Move(staging, target);
            }
            finally
            {
                if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            }

            var structures = dataset.Authorities;
            console.Out.WriteLine($"Pulled {Count(structures.Count, "authority", "authorities")} and {Count(dataset.Sources.Count, "source")} from Neo4j at {options} into {target}:");
            foreach (var s in structures)
                console.Out.WriteLine($"  {CliConsole.Safe(s.Id)}: {Count(s.Arrangements.Count, "arrangement")}, {Count(s.Bodies.Count, "body", "bodies")}, "
                    + $"{Count(s.Seats.Count, "seat")}, {Count(s.Lines.Count, "line")}, {Count(s.Duties.Count, "duty", "duties")}");
            console.Out.WriteLine($"Try: trustgraph validate --data {target}");
            return CliApp.Ok;
        });
        return command;
    }

    private static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";

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
