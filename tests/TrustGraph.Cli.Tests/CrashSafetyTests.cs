using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using TrustGraph.Loading;

namespace TrustGraph.Cli.Tests;

/// <summary>
/// An import killed at any moment (a power cut, a killed process) leaves the dataset as it was or as the import
/// would leave it, never a mix: here a real trustgraph process is killed at many points while it commits.
/// </summary>
public sealed class CrashSafetyTests
{
    private static readonly string CliDll = typeof(CliApp).Assembly.Location;

    [Fact]
    public void An_import_killed_mid_commit_leaves_the_old_dataset_or_the_new_one_never_a_mix()
    {
        var work = Path.Combine(Path.GetTempPath(), "tg-crash-" + Guid.NewGuid().ToString("N"));
        try
        {
            var list = Path.Combine(work, "board.csv");
            Directory.CreateDirectory(work);
            File.WriteAllText(list, BigMembershipList(20_000), Encoding.UTF8);

            var before = Copy(work, "before");
            var after = Copy(work, "after");
            Assert.Equal(0, RunToEnd(list, after));
            var oldState = Fingerprint(before);
            var newState = Fingerprint(after);
            Assert.NotEqual(oldState.Memberships, newState.Memberships);

            var outcomes = new List<string>();
            var runs = 0;
            for (var delay = 150; delay <= 3_000 && runs < 14; delay += 200, runs++)
            {
                var target = Copy(work, $"kill-{delay}");
                using var process = Start(list, target);
                Thread.Sleep(delay);
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                process.WaitForExit();

                Assert.Equal(0, RunHistory(target));
                var state = Fingerprint(target);
                var isOld = state == oldState;
                var isNew = state == newState;
                Assert.True(isOld || isNew, $"killed after {delay} ms: sources.csv and memberships.csv are not both old or both new");
                var history = Path.Combine(target, ".history");
                Assert.Equal(isNew, Directory.Exists(history) && Directory.EnumerateDirectories(history).Any(d => !Path.GetFileName(d).StartsWith('.')));
                Assert.Empty(Directory.EnumerateFileSystemEntries(target, "*.tmp-*", SearchOption.AllDirectories));
                Assert.Empty(Directory.Exists(history) ? Directory.EnumerateDirectories(history, ".staging-*") : []);
                Assert.True(DatasetLoader.Load(target).IsValid, $"killed after {delay} ms: the dataset no longer loads");
                outcomes.Add(isNew ? "new" : "old");
            }
            Assert.Contains("old", outcomes);
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    private static string BigMembershipList(int rows)
    {
        var sb = new StringBuilder("Name,Job title,Organisation,Role\n");
        for (var i = 0; i < rows; i++) sb.Append($"Person {i},Officer {i},Suffolk Constabulary,Member\n");
        return sb.ToString();
    }

    private static string Copy(string work, string name)
    {
        var dir = Path.Combine(work, name);
        AnalyseCommandTests.CopyDirectory(CliRunner.DataFolder, dir);
        return dir;
    }

    private static Process Start(string list, string data)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliDll, "import", list, "--authority", "suffolk", "--body", "ctpb", "--data", data, "--max-rows", "30000" }) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int RunToEnd(string list, string data)
    {
        using var process = Start(list, data);
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the import did not finish in two minutes");
        return process.ExitCode;
    }

    private static int RunHistory(string data)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { CliDll, "history", "--data", data }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }

    private static (string Memberships, string Sources) Fingerprint(string data) =>
        (Hash(Path.Combine(data, "suffolk", "memberships.csv")), Hash(Path.Combine(data, "sources.csv")));

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
