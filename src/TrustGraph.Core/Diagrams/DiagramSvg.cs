using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace TrustGraph.Diagrams;

/// <summary>The diagram models as JSON, exactly as the viewer hands them to the JavaScript module.</summary>
public static class DiagramJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(DiagramModel model) => JsonSerializer.Serialize(model, Options);

    public static string Write(IReadOnlyList<DiagramModel> models) => JsonSerializer.Serialize(models, Options);
}

/// <summary>Node.js or the diagram script cannot be found or failed: the environment is broken, not the data.</summary>
public sealed class DiagramRendererException(string message) : Exception(message);

/// <summary>
/// Draws diagram models as standalone SVG documents with the same JavaScript module the viewer runs (MSAGL layout,
/// the same styles and legend), by running <c>node diagram-cli.mjs</c> once for a whole batch. For static files and
/// HTML reports: <c>await DiagramSvg.RenderAsync([HierarchyDiagram.Build(graph, findings)])</c>.
/// </summary>
public static class DiagramSvg
{
    /// <summary>Set to the full path of <c>diagram-cli.mjs</c> when TrustGraph runs outside a clone of the repository.</summary>
    public const string ScriptVariable = "TRUSTGRAPH_DIAGRAM_SCRIPT";

    public const string ScriptRelativePath = "src/TrustGraph.Web/diagram-cli.mjs";

    public static async Task<string> RenderAsync(DiagramModel model, string? scriptPath = null, CancellationToken cancellation = default) =>
        (await RenderAsync([model], scriptPath, cancellation))[0];

    /// <summary>One SVG document per model, in order. Throws <see cref="DiagramRendererException"/> when Node.js or the script is missing or fails.</summary>
    public static async Task<IReadOnlyList<string>> RenderAsync(IReadOnlyList<DiagramModel> models, string? scriptPath = null, CancellationToken cancellation = default)
    {
        if (models.Count == 0) return [];
        var script = scriptPath ?? FindScript()
            ?? throw new DiagramRendererException(
                $"the diagram script was not found: looked for {ScriptRelativePath} above {Directory.GetCurrentDirectory()} and {AppContext.BaseDirectory}; "
                + $"set {ScriptVariable} to its path");
        if (!File.Exists(script)) throw new DiagramRendererException($"the diagram script {script} does not exist");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new DiagramRendererException("Node.js not found; install nodejs");
        }
        catch (Win32Exception)
        {
            throw new DiagramRendererException("Node.js not found; install nodejs (the diagrams are drawn by node, the JavaScript runtime)");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellation);
            var error = process.StandardError.ReadToEndAsync(cancellation);
            await process.StandardInput.WriteAsync(DiagramJson.Write(models).AsMemory(), cancellation);
            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellation);
            var stdout = await output;
            var stderr = await error;
            if (process.ExitCode != 0)
                throw new DiagramRendererException($"the diagram script failed (exit {process.ExitCode}): {stderr.Trim()}");
            List<string>? svgs;
            try
            {
                svgs = JsonSerializer.Deserialize<List<string>>(stdout);
            }
            catch (JsonException e)
            {
                throw new DiagramRendererException($"the diagram script printed something other than a JSON list of drawings ({e.Message}): {stdout[..Math.Min(200, stdout.Length)]}");
            }
            if (svgs is null) throw new DiagramRendererException("the diagram script printed no diagrams");
            if (svgs.Count != models.Count)
                throw new DiagramRendererException($"the diagram script drew {svgs.Count} diagrams for {models.Count} models");
            return svgs;
        }
    }

    /// <summary><see cref="ScriptVariable"/>, else <c>src/TrustGraph.Web/diagram-cli.mjs</c> in the nearest folder above the working directory or the program.</summary>
    public static string? FindScript()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(ScriptVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
        return FindUpwards(Directory.GetCurrentDirectory()) ?? FindUpwards(AppContext.BaseDirectory);
    }

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ScriptRelativePath);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
