using System.CommandLine;
using TrustGraph.Cli.Commands;

namespace TrustGraph.Cli;

/// <summary>The <c>trustgraph</c> command. Exit codes: 0 done; 1 a <c>--fail-on</c> threshold was met; 2 invalid input or usage.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int ThresholdMet = 1;
    public const int InvalidInput = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var console = new CliConsole(stdout, stderr);
        var root = new RootCommand("TrustGraph: finds what is wrong with Children's Trust governance structures.");
        foreach (var command in Commands(console)) root.Subcommands.Add(command);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"trustgraph: {error.Message}");
            stderr.WriteLine("Run 'trustgraph --help' for usage.");
            return InvalidInput;
        }
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static IEnumerable<Command> Commands(CliConsole console) =>
    [
        ValidateCommand.Create(console),
        AnalyseCommand.Create(console),
        ShowCommand.Create(console),
        ImportCommand.Create(console),
        ExportMembersCommand.Create(console),
        HistoryCommand.Create(console),
        UndoCommand.Create(console),
        RenderCommand.Create(console),
        ReportCommand.Create(console),
        CompareCommand.Create(console),
        Neo4jCommand.Create(console),
        ExportCommand.Create(console),
        GenerateCommand.Create(console),
        DraftsCommand.Create(console),
    ];
}

/// <summary>Where a command writes, and whether it may colour its text (a terminal, and NO_COLOR unset).</summary>
public sealed class CliConsole(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;

    public bool UseColour { get; } = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public string Paint(string text, string ansi) => UseColour ? $"\u001b[{ansi}m{text}\u001b[0m" : text;

    /// <summary>
    /// Data as a terminal may safely show it: control characters (an escape sequence in a name could rewrite the
    /// screen) and bidirectional overrides (which can disguise text) are shown as <c>\uXXXX</c>.
    /// </summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        if (!text.Any(IsUnsafe)) return text;
        var sb = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
            if (IsUnsafe(c)) sb.Append($"\\u{(int)c:X4}"); else sb.Append(c);
        return sb.ToString();
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
