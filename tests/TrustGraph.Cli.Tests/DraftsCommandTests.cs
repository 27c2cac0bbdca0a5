using TrustGraph.Drafting;
using TrustGraph.Model;

namespace TrustGraph.Cli.Tests;

/// <summary><c>trustgraph drafts</c> on a copy of the repository's dataset with a draft started in it.</summary>
public sealed class DraftsCommandTests : IDisposable
{
    private readonly ImportDataCopy _data = new();

    public void Dispose() => _data.Dispose();

    private Draft StartDraft()
    {
        var r = DraftStore.Create(_data.Dir, "worcestershire", "proposed-2010", "Variation on version 2", ArrangementStatus.Option, "2010-09");
        Assert.True(r.Succeeded, string.Join("\n", r.Problems));
        var board = r.Dataset!.Find("worcestershire")!.Bodies.Single(b => b.Arrangement == r.Draft!.Id && b.Kind == BodyKind.TrustBoard).Id;
        r = DraftStore.Save(_data.Dir, r.Draft!.Key, r.Version!, new AddLine(board, "worcestershire-partnership", AccountabilityKind.AccountableTo));
        Assert.True(r.Succeeded, string.Join("\n", r.Problems));
        return r.Draft!;
    }

    [Fact]
    public void Drafts_list_says_there_are_none_until_one_is_started_then_shows_its_key_origin_and_findings_against_the_original()
    {
        var (exit, output, _) = _data.Run("drafts", "list");
        Assert.Equal(0, exit);
        Assert.Contains("No drafts", output);

        StartDraft();
        (exit, output, _) = _data.Run("drafts", "list");
        Assert.Equal(0, exit);
        Assert.Contains("worcestershire/variation-on-version-2  \"Variation on version 2\"", output);
        Assert.Contains("option, in force September 2010; copied from proposed-2010", output);
        Assert.Contains("findings: 0 error, 0 warning, 1 info (the original: 0 error, 5 warning, 1 info)", output);
    }

    [Fact]
    public void Drafts_export_writes_a_dataset_of_the_draft_alone_that_analyse_reads()
    {
        StartDraft();
        var target = Path.Combine(Path.GetTempPath(), $"trustgraph-draft-export-{Guid.NewGuid():N}");
        try
        {
            var (exit, output, error) = _data.Run("drafts", "export", "worcestershire/variation-on-version-2", "--out", target);
            Assert.True(exit == 0, error);
            Assert.Contains("Wrote worcestershire/variation-on-version-2", output);
            var analysed = CliApp.Run(["analyse", "--data", target, "--format", "json"], new StringWriter(), new StringWriter());
            Assert.Equal(0, analysed);
            var sources = File.ReadAllText(Path.Combine(target, "sources.csv"));
            Assert.Contains("TrustGraph drafting", sources);
            Assert.Contains("worcs-cyp-2009", sources);
            Assert.DoesNotContain("suffolk", sources);
            Assert.DoesNotContain(",2009,", File.ReadAllText(Path.Combine(target, "worcestershire", "bodies.csv")));
        }
        finally
        {
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        }
    }

    [Fact]
    public void Drafts_delete_discards_the_draft_and_undo_brings_it_back()
    {
        var draft = StartDraft();
        var (exit, output, error) = _data.Run("drafts", "delete", draft.Key);
        Assert.True(exit == 0, error);
        Assert.Contains("Discarded worcestershire/variation-on-version-2", output);
        Assert.Contains("No drafts", _data.Run("drafts", "list").Out);

        Assert.Equal(0, _data.Run("undo").Exit);
        Assert.Contains(draft.Key, _data.Run("drafts", "list").Out);
    }

    [Fact]
    public void Drafts_export_of_an_unknown_draft_names_the_ones_there_are_and_exits_2()
    {
        StartDraft();
        var (exit, _, error) = _data.Run("drafts", "export", "worcestershire/nope", "--out", Path.Combine(Path.GetTempPath(), "unused-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(2, exit);
        Assert.Contains("no draft 'worcestershire/nope'; expected one of: worcestershire/variation-on-version-2", error);
    }

    [Fact]
    public void Analyse_report_and_export_take_a_draft_as_they_take_any_arrangement()
    {
        var draft = StartDraft();
        var (exit, output, error) = _data.Run("analyse", "--authority", "worcestershire", "--arrangement", draft.Id);
        Assert.True(exit == 0, error);
        Assert.Contains("arrangement variation-on-version-2", output);
        Assert.DoesNotContain("no reporting path", output);

        (exit, output, error) = _data.Run("report", "--authority", "worcestershire", "--arrangement", draft.Id, "--format", "md");
        Assert.True(exit == 0, error);
        Assert.Contains("variation-on-version-2", output);

        (exit, output, error) = _data.Run("export", "--authority", "worcestershire", "--format", "popolo");
        Assert.True(exit == 0, error);
        Assert.Contains("trust-board-2010-variation-on-version-2", output);
    }
}
