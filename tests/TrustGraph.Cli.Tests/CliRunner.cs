namespace TrustGraph.Cli.Tests;

/// <summary>Runs the trustgraph command in-process and captures what a terminal would show.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static string DataFolder { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrustGraph.sln")))
                return Path.Combine(dir.FullName, "data");
        throw new DirectoryNotFoundException("repository root not found");
    }
}
