using TrustGraph.Analyses;
using TrustGraph.Drafting;
using TrustGraph.Loading;
using TrustGraph.Model;
using TrustGraph.Storage;

namespace TrustGraph.Core.Tests.Drafting;

/// <summary>Drafting on a copy of the repository's dataset (never data/ itself).</summary>
public sealed class DraftStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tg-drafts-" + Guid.NewGuid().ToString("N"));

    public DraftStoreTests()
    {
        foreach (var file in Directory.EnumerateFiles(RealDataset.Folder, "*.csv", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dir, Path.GetRelativePath(RealDataset.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private Dictionary<string, string> Fingerprint() =>
        Directory.EnumerateFiles(_dir, "*.csv", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(_dir, f).StartsWith(".history", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(_dir, f), f => AtomicFile.Sha256(f)!);

    private DraftResult CopyWorcestershire2010()
    {
        var result = DraftStore.Create(_dir, "worcestershire", "proposed-2010", "Variation on version 2", ArrangementStatus.Option, "2010-09", new DateOnly(2026, 12, 4));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result;
    }

    private static string BoardOf(DraftResult r) => r.Dataset!.Find("worcestershire")!.Bodies.Single(b => b.Arrangement == r.Draft!.Id && b.Kind == BodyKind.TrustBoard).Id;

    [Fact]
    public void A_copied_draft_is_an_arrangement_with_its_own_source_that_the_loader_reads_and_the_original_is_untouched()
    {
        var before = DatasetLoader.Load(_dir).Dataset!.Find("worcestershire")!;
        var result = CopyWorcestershire2010();

        var reloaded = DatasetLoader.Load(_dir);
        Assert.True(reloaded.IsValid, string.Join("\n", reloaded.Errors));
        var draft = Assert.Single(Drafts.List(reloaded.Dataset!));
        Assert.Equal("worcestershire/variation-on-version-2", draft.Key);
        Assert.Equal("Variation on version 2", draft.Name);
        Assert.Equal("proposed-2010", draft.CopiedFrom);
        Assert.Equal(ArrangementStatus.Option, draft.Arrangement.Status);
        Assert.Equal("2010-09", draft.Arrangement.InForce.ToString());
        Assert.Equal(Drafts.Publisher, draft.Source.Publisher);
        Assert.Equal("2026-12-04", draft.Source.Date);

        var after = reloaded.Dataset!.Find("worcestershire")!;
        Assert.Equal(before.Bodies.Count(b => b.Arrangement == "proposed-2010"), after.Bodies.Count(b => b.Arrangement == draft.Id));
        Assert.All(before.Bodies, b => Assert.Contains(b, after.Bodies));
        Assert.All(before.Seats, s => Assert.Contains(s, after.Seats));
        var board = after.Bodies.Single(b => b.Arrangement == draft.Id && b.Name == "Children's Trust Board");
        Assert.True(board.MembershipPartial);
        Assert.Equal(5, after.Seats.Count(s => s.Body == board.Id));
        Assert.All(after.Seats.Where(s => s.Body == board.Id), s => Assert.Equal("worcs-cyp-2009", s.Source.SourceId));
        Assert.Contains(after.Lines, l => l.From == "wscb" && l.To == board.Id && l.Kind == AccountabilityKind.ReportsTo);
        Assert.NotNull(result.Snapshot);
    }

    [Fact]
    public void Seating_probation_and_the_yot_and_drawing_the_boards_line_to_the_partnership_clears_the_reporting_gaps()
    {
        var r = CopyWorcestershire2010();
        var key = r.Draft!.Key;
        var board = BoardOf(r);
        var first = DraftFindings.Of(r.Dataset!, r.Draft);
        Assert.Empty(first.Gone);
        Assert.Empty(first.New);
        Assert.Equal(5, first.Findings.Count(f => f.Check == Checks.LspReportingGap));

        r = DraftStore.Save(_dir, key, r.Version!, new AddSeat(new SeatFields(board, "Assistant Chief Officer", null, "West Mercia Probation Trust", PartnerCategory.Probation, SeatRole.Member, true)));
        Assert.True(r.Succeeded, string.Join("\n", r.Problems));
        r = DraftStore.Save(_dir, key, r.Version!, new AddSeat(new SeatFields(board, "Youth Offending Service Manager", null, null, PartnerCategory.YouthOffending, SeatRole.Member, true)));
        Assert.True(r.Succeeded, string.Join("\n", r.Problems));
        var seated = DraftFindings.Of(r.Dataset!, r.Draft!);
        var partners = Assert.Single(seated.Findings, f => f.Check == Checks.MissingRelevantPartner && f.Message.Contains("Children's Trust Board"));
        Assert.Contains("Probation", partners.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Not shown, so not judged: police, probation", partners.Message);
        var (was, now) = Assert.Single(seated.Changed);
        Assert.Same(partners, now);
        Assert.Contains("Not shown, so not judged: police, probation, youth-offending", was.Message);
        Assert.Empty(seated.GoneOutright);

        r = DraftStore.Save(_dir, key, r.Version!, new AddLine(board, "worcestershire-partnership", AccountabilityKind.AccountableTo));
        Assert.True(r.Succeeded, string.Join("\n", r.Problems));
        var lined = DraftFindings.Of(r.Dataset!, r.Draft!);
        Assert.DoesNotContain(lined.Findings, f => f.Check == Checks.LspReportingGap);
        Assert.Equal(5, lined.Gone.Count(f => f.Check == Checks.LspReportingGap));
        Assert.Contains("5 warnings fewer", lined.Tally());

        var history = DraftStore.History(_dir, key);
        Assert.Equal(4, history.Count);
        Assert.StartsWith($"{key}: Children's Trust Board accountable-to Worcestershire Partnership", history[0].Description);
    }

    [Fact]
    public void A_seat_with_neither_post_nor_person_is_refused_with_the_loaders_message_beside_the_post_and_nothing_is_written()
    {
        var r = CopyWorcestershire2010();
        var before = Fingerprint();
        var refused = DraftStore.Save(_dir, r.Draft!.Key, r.Version!, new AddSeat(new SeatFields(BoardOf(r), " ", null, null, PartnerCategory.Police, SeatRole.Member, null)));
        var problem = Assert.Single(refused.Problems);
        Assert.Equal("post", problem.Field);
        Assert.Contains("both 'post' and 'person' are empty", problem.Message);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public void A_date_the_loader_cannot_read_is_refused_beside_in_force_and_status_current_is_refused()
    {
        var r = CopyWorcestershire2010();
        var before = Fingerprint();
        var bad = DraftStore.Save(_dir, r.Draft!.Key, r.Version!, new EditDetails(ArrangementStatus.Proposed, "Sept 2010"));
        Assert.Equal("in_force", Assert.Single(bad.Problems).Field);
        var current = DraftStore.Save(_dir, r.Draft.Key, r.Version!, new EditDetails(ArrangementStatus.Current, "2010-09"));
        Assert.Equal("status", Assert.Single(current.Problems).Field);
        Assert.Equal(before, Fingerprint());

        var good = DraftStore.Save(_dir, r.Draft.Key, r.Version!, new EditDetails(ArrangementStatus.Proposed, "2010-03-31"));
        Assert.True(good.Succeeded, string.Join("\n", good.Problems));
        Assert.Equal(new PartialDate(2010, 3, 31), good.Draft!.Arrangement.InForce);
    }

    [Fact]
    public void A_line_between_two_bodies_every_arrangement_shares_is_refused_because_it_would_change_them_all()
    {
        var r = CopyWorcestershire2010();
        var refused = DraftStore.Save(_dir, r.Draft!.Key, r.Version!, new AddLine("wscb", "worcestershire-partnership", AccountabilityKind.ReportsTo));
        Assert.Contains("would change every arrangement", Assert.Single(refused.Problems).Message);
        var edit = DraftStore.Save(_dir, r.Draft.Key, r.Version!, new EditBody("wscb", "Renamed", BodyKind.Safeguarding, OnionLayer.Governance, null, false));
        Assert.Contains("belongs to every arrangement", Assert.Single(edit.Problems).Message);
    }

    [Fact]
    public void Two_editors_on_the_same_draft_the_second_gets_a_conflict_and_the_first_change_is_kept()
    {
        var r = CopyWorcestershire2010();
        var board = BoardOf(r);
        var opened = r.Version!;
        var first = DraftStore.Save(_dir, r.Draft!.Key, opened, new AddSeat(new SeatFields(board, "Chief Constable's representative", null, "West Mercia Police", PartnerCategory.Police, SeatRole.Member, true)));
        Assert.True(first.Succeeded);
        var afterFirst = Fingerprint();

        var second = DraftStore.Save(_dir, r.Draft.Key, opened, new RemoveBody(board));
        Assert.True(second.Conflict);
        Assert.Contains("someone else saved a change", Assert.Single(second.Problems).Message);
        Assert.Equal(afterFirst, Fingerprint());
        Assert.Contains(DatasetLoader.Load(_dir).Dataset!.Find("worcestershire")!.Seats, s => s.Agency == "West Mercia Police");
    }

    [Fact]
    public void Undo_takes_back_one_change_at_a_time_and_never_an_import_made_since()
    {
        var start = Fingerprint();
        var r = CopyWorcestershire2010();
        var created = Fingerprint();
        var board = BoardOf(r);
        r = DraftStore.Save(_dir, r.Draft!.Key, r.Version!, new EditBody(board, "Worcestershire Children's Trust Board", BodyKind.TrustBoard, OnionLayer.Governance, 4, MembershipPartial: true));
        Assert.True(r.Succeeded, string.Join("\n", r.Problems));
        Assert.Contains(r.Dataset!.Find("worcestershire")!.Bodies, b => b.Name == "Worcestershire Children's Trust Board");

        var undone = DraftStore.Undo(_dir, r.Draft!.Key);
        Assert.True(undone.Succeeded, string.Join("\n", undone.Problems));
        Assert.Equal(created, Fingerprint());

        DatasetStore.Commit(_dir, [new PlannedFile("york/duties.csv", [.. File.ReadAllBytes(Path.Combine(_dir, "york", "duties.csv"))], AtomicFile.Sha256(Path.Combine(_dir, "york", "duties.csv")))], "import", "someone's import");
        var refused = DraftStore.Undo(_dir, r.Draft.Key);
        Assert.Contains("someone's import", Assert.Single(refused.Problems).Message);
        DatasetStore.Undo(_dir);

        Assert.True(DraftStore.Undo(_dir, r.Draft.Key).Succeeded);
        Assert.Equal(start, Fingerprint());
    }

    [Fact]
    public void Discarding_a_draft_removes_every_row_it_owns_and_its_source_and_leaves_the_dataset_as_it_was()
    {
        var start = Fingerprint();
        var r = CopyWorcestershire2010();
        r = DraftStore.Save(_dir, r.Draft!.Key, r.Version!, new AddBody("Shadow Youth Board", BodyKind.Advisory, OnionLayer.Strategy));
        Assert.True(r.Succeeded, string.Join("\n", r.Problems));
        var deleted = DraftStore.Delete(_dir, r.Draft!.Key, r.Version);
        Assert.True(deleted.Succeeded, string.Join("\n", deleted.Problems));
        var after = DatasetLoader.Load(_dir).Dataset!;
        Assert.Empty(Drafts.List(after));
        Assert.Null(after.FindSource(r.Draft.Source.Id));
        Assert.Equal(start, Fingerprint());
        Assert.Equal(DatasetLoader.Load(RealDataset.Folder).Dataset!.Find("worcestershire")!.Bodies, after.Find("worcestershire")!.Bodies);
    }

    [Fact]
    public void An_empty_draft_has_only_the_shared_bodies_and_takes_new_ones()
    {
        var r = DraftStore.Create(_dir, "worcestershire", null, "Blank sheet", ArrangementStatus.Proposed, null);
        Assert.True(r.Succeeded, string.Join("\n", r.Problems));
        Assert.Null(r.Draft!.CopiedFrom);
        var graph = DraftFindings.Of(r.Dataset!, r.Draft).Graph;
        Assert.All(graph.Bodies, b => Assert.Null(b.Arrangement));
        r = DraftStore.Save(_dir, r.Draft.Key, r.Version!, new AddBody("Children's Trust Board", BodyKind.TrustBoard, OnionLayer.Governance, 4));
        Assert.True(r.Succeeded, string.Join("\n", r.Problems));
        var board = r.Dataset!.Find("worcestershire")!.Bodies.Single(b => b.Arrangement == "blank-sheet");
        Assert.Equal("children-s-trust-board", board.Id);
        Assert.Equal(r.Draft!.Source.Id, board.Source.SourceId);
    }

    [Fact]
    public void A_draft_judged_before_april_2010_does_not_require_schools_and_after_it_does()
    {
        var r = CopyWorcestershire2010();
        var board = BoardOf(r);
        r = DraftStore.Save(_dir, r.Draft!.Key, r.Version!, new EditBody(board, "Children's Trust Board", BodyKind.TrustBoard, OnionLayer.Governance, 4, MembershipPartial: false));
        Assert.True(r.Succeeded, string.Join("\n", r.Problems));
        var after = DraftFindings.Of(r.Dataset!, r.Draft!).Findings.Where(f => f.Check == Checks.MissingRelevantPartner && f.Severity == Severity.Error).Select(f => f.Message).ToList();
        Assert.Contains(after, m => m.Contains("school", StringComparison.OrdinalIgnoreCase));

        r = DraftStore.Save(_dir, r.Draft!.Key, r.Version!, new EditDetails(ArrangementStatus.Option, "2009-09"));
        Assert.True(r.Succeeded, string.Join("\n", r.Problems));
        var before = DraftFindings.Of(r.Dataset!, r.Draft!).Findings.Where(f => f.Check == Checks.MissingRelevantPartner && f.Severity == Severity.Error).Select(f => f.Message).ToList();
        Assert.DoesNotContain(before, m => m.Contains("maintained school", StringComparison.OrdinalIgnoreCase) && !m.Contains("becomes"));
        Assert.NotEqual(after, before);
    }

    [Fact]
    public void Columns_the_contract_does_not_know_and_rows_outside_the_draft_are_kept_as_they_were()
    {
        var bodies = Path.Combine(_dir, "worcestershire", "bodies.csv");
        var lines = File.ReadAllLines(bodies).ToList();
        lines[0] += ",comment";
        for (var i = 1; i < lines.Count; i++) lines[i] += i == 1 ? ",\"kept, with a comma\"" : ",";
        File.WriteAllText(bodies, string.Join("\r\n", lines) + "\r\n");
        var r = CopyWorcestershire2010();
        var after = File.ReadAllText(bodies);
        Assert.StartsWith(lines[0] + "\r\n" + lines[1] + "\r\n", after);
        Assert.Contains("trust-board-2010-variation-on-version-2,Children's Trust Board,trust-board,governance,variation-on-version-2,4,", after);
        Assert.DoesNotContain("\n", after.Replace("\r\n", ""));
        Assert.True(DraftStore.Delete(_dir, r.Draft!.Key).Succeeded);
        Assert.Equal(string.Join("\r\n", lines) + "\r\n", File.ReadAllText(bodies));
    }

    [Fact]
    public void Vacating_a_seat_keeps_its_post_and_drops_the_person_and_a_seat_with_no_post_cannot_be_vacated()
    {
        var r = CopyWorcestershire2010();
        var board = BoardOf(r);
        r = DraftStore.Save(_dir, r.Draft!.Key, r.Version!, new AddSeat(new SeatFields(board, null, "Jo Bloggs", null, PartnerCategory.Police, SeatRole.Member, null)));
        r = DraftStore.Save(_dir, r.Draft!.Key, r.Version!, new AddSeat(new SeatFields(board, "GP representative", "Dr A Patel", null, PartnerCategory.Gp, SeatRole.Member, null)));
        var rows = DraftRows.Of(r.Dataset!.Find("worcestershire")!, r.Draft!.Id);
        var named = rows.Seats.ToList().FindIndex(s => s.Person == "Jo Bloggs");
        var gp = rows.Seats.ToList().FindIndex(s => s.Person == "Dr A Patel");

        var refused = DraftStore.Save(_dir, r.Draft.Key, r.Version!, new VacateSeat(named));
        Assert.Equal("post", Assert.Single(refused.Problems).Field);
        r = DraftStore.Save(_dir, r.Draft.Key, r.Version!, new VacateSeat(gp));
        Assert.True(r.Succeeded, string.Join("\n", r.Problems));
        var vacant = DraftRows.Of(r.Dataset!.Find("worcestershire")!, r.Draft!.Id).Seats[gp];
        Assert.Equal(("GP representative", (string?)null, SeatStatus.Vacant), (vacant.Post, vacant.Person, vacant.Status));
    }
}
