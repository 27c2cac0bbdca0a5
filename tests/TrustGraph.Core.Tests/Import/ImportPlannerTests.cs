using System.Text;
using TrustGraph.Analyses;
using TrustGraph.Import;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Import;

public class ImportPlannerTests
{
    private static readonly DateOnly Day = new(2010, 3, 1);

    private static ImportResult Plan(TempDataset data, string authority, string body, ImportMode mode, string fileName, byte[] content) =>
        MembershipImport.Plan(data.Load(), data.Dir, authority, body, mode, fileName, content, Day);

    private static ImportPlan PlanFixture(TempDataset data, string authority, string body, ImportMode mode, string fixture)
    {
        var result = Plan(data, authority, body, mode, fixture, ImportTestData.Fixture(fixture));
        Assert.Empty(result.Errors);
        return result.Plan!;
    }

    /// <summary>A body's membership as <c>export-members</c> writes it.</summary>
    internal static byte[] Export(Dataset dataset, string authority, string body)
    {
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.csv");
        try
        {
            DatasetWriter.WriteMemberships(dataset.Find(authority)!.Seats.Where(s => s.Body == body), path);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Importing_the_export_of_every_body_back_changes_nothing()
    {
        using var data = new TempDataset();
        var dataset = data.Load();
        var bodies = dataset.Authorities.SelectMany(a => a.Bodies.Select(b => (Authority: a.Id, Body: b.Id))).ToList();

        foreach (var (authority, body) in bodies)
        {
            var result = MembershipImport.Plan(dataset, data.Dir, authority, body, ImportMode.Replace, $"{body}.csv", Export(dataset, authority, body), Day);
            Assert.True(result.IsValid, $"{authority}/{body}: {string.Join("; ", result.Errors)}");
            Assert.False(result.Plan!.HasChanges, $"{authority}/{body} changed on a round trip");
            Assert.Empty(result.Plan.Files);
        }
        Assert.True(bodies.Count >= 40);
    }

    [Fact]
    public void An_edited_export_changes_exactly_the_edited_seat_and_the_lines_of_other_seats_stay_byte_for_byte()
    {
        using var data = new TempDataset();
        var before = data.Read("suffolk/memberships.csv");
        var export = Encoding.UTF8.GetString(Export(data.Load(), "suffolk", "ecg"))
            .Replace("Tim Beach,Suffolk Constabulary", "Tim Beach,Suffolk Police");

        var plan = Plan(data, "suffolk", "ecg", ImportMode.Replace, "ecg.csv", Encoding.UTF8.GetBytes(export)).Plan!;

        var change = Assert.Single(plan.Changed);
        Assert.Equal("Tim Beach", change.After.Person);
        Assert.Equal([new FieldChange("agency", "Suffolk Constabulary", "Suffolk Police")], change.Fields);
        Assert.Empty(plan.Added);
        Assert.Empty(plan.Removed);
        Assert.Null(plan.NewSource);
        var file = Assert.Single(plan.Files);
        var after = Encoding.UTF8.GetString(file.Content);
        var changedLines = before.Split('\n').Zip(after.Split('\n')).Where(p => p.First != p.Second).ToList();
        var pairing = ",inferred,\"invited to the 10 March 2009 meeting, taken as a member; organisation paired with the name by list order\"";
        Assert.Equal(("ecg,,Tim Beach,Suffolk Constabulary,police,member,,filled,suffolk-ecg-2009#invitees" + pairing,
                      "ecg,,Tim Beach,Suffolk Police,police,member,,filled,suffolk-ecg-2009#invitees" + pairing), Assert.Single(changedLines));
    }

    [Fact]
    public void A_board_with_no_recorded_members_gets_the_files_seats_with_inferred_categories_marked()
    {
        using var data = new TempDataset();
        var plan = PlanFixture(data, "suffolk", "ctpb", ImportMode.Replace, "suffolk-board-excel-1252.csv");

        Assert.Equal(12, plan.Added.Count);
        Assert.Empty(plan.Removed);
        Assert.Empty(plan.Changed);
        Assert.All(plan.Added, a => Assert.NotNull(a.Inferred));
        var police = plan.Added.Single(a => a.Seat.Person == "José Álvarez");
        Assert.Equal((4, PartnerCategory.Police, "Constabulary"), (police.Line, police.Seat.PartnerCategory!.Value, police.Inferred!.Pattern));
        Assert.Equal(PartnerCategory.ElectedMember, plan.Added[0].Seat.PartnerCategory);
        Assert.Equal(new SourceRef("import-suffolk-board-excel-1252-20100301", "row-2"), plan.Added[0].Seat.Source);
    }

    [Fact]
    public void The_preview_names_people_who_now_sit_on_more_bodies()
    {
        using var data = new TempDataset();
        var plan = PlanFixture(data, "suffolk", "ctpb", ImportMode.Replace, "suffolk-board-excel-1252.csv");

        var person = Assert.Single(plan.PeopleOnMoreBodies);
        Assert.Equal("Rosalind Turner", person.Name);
        Assert.Equal(["Children's Trust Executive Commissioning Group"], person.BodiesBefore);
        Assert.Equal(["Children's Trust Executive Commissioning Group", "Suffolk Children's Trust Partnership Board"], person.BodiesAfter);
    }

    [Fact]
    public void The_preview_lists_the_findings_that_appear_and_disappear()
    {
        using var data = new TempDataset();
        var plan = PlanFixture(data, "suffolk", "ctpb", ImportMode.Replace, "suffolk-board-excel-1252.csv");

        Assert.Contains(plan.FindingsAppeared, f => f.Check == Checks.DuplicatedMembership && f.Message.StartsWith("Rosalind Turner sits on 2 bodies"));
        Assert.Contains(plan.FindingsAppeared, f => f.Check == Checks.MissingRelevantPartner && f.Message.Contains("no seat for Strategic Health Authority"));
        // Before, the Board had no listed membership, so the Executive Commissioning Group was judged in its place.
        Assert.Contains(plan.FindingsDisappeared, f => f.Message.Contains("Children's Trust Executive Commissioning Group has no seat for Youth offending team"));
        Assert.DoesNotContain(plan.FindingsAppeared, f => f.Message.Contains("no seat for Police"));
    }

    [Fact]
    public void A_partner_the_file_adds_is_reported_as_now_covered()
    {
        using var data = new TempDataset();
        var plan = PlanFixture(data, "calderdale", "trust-board", ImportMode.Replace, "calderdale-board-unicode.txt");

        Assert.Contains(plan.FindingsDisappeared, f => f.Severity == Severity.Error && f.Message.Contains("no seat for Police authority"));
        Assert.Contains(plan.FindingsDisappeared, f => f.Severity == Severity.Error && f.Message.Contains("no seat for Youth offending team"));
    }

    [Fact]
    public void Replace_removes_the_seats_the_file_does_not_list_and_keeps_unchanged_seats_as_they_were()
    {
        using var data = new TempDataset();
        var plan = PlanFixture(data, "calderdale", "trust-board", ImportMode.Replace, "calderdale-board-unicode.txt");

        Assert.Equal(13, plan.Removed.Count);
        Assert.Contains(plan.Removed, s => s.Post == "GP");
        Assert.Equal(["Divisional Commander", "Head of Youth Offending Team"], plan.Added.Select(a => a.Seat.Post));
        var primary = Assert.Single(plan.Changed);
        Assert.Equal([new FieldChange("agency", null, "École-style nursery federation"), new FieldChange("source", "calderdale-model-2#board-membership", "import-calderdale-board-unicode-20100301#row-5")],
            primary.Fields);
        Assert.Equal(4, plan.Unchanged);
        var after = plan.After.Find("calderdale")!.Seats.Where(s => s.Body == "trust-board").ToList();
        Assert.Equal(7, after.Count);
        Assert.Equal(new SourceRef("calderdale-model-2", "board-membership"), after.Single(s => s.Post == "NHS Calderdale commissioning").Source);
    }

    [Fact]
    public void Merge_updates_matched_seats_adds_new_ones_and_removes_nothing()
    {
        using var data = new TempDataset();
        var plan = PlanFixture(data, "york", "icg", ImportMode.Merge, "york-icg-utf8-bom.csv");

        Assert.Equal(["Cllr Carol Runciman", "Dr Linda Bramley"], plan.Added.Select(a => a.Seat.Person));
        Assert.Empty(plan.Removed);
        Assert.Equal(9, plan.Unchanged);
        Assert.Equal(14, plan.After.Find("york")!.Seats.Count(s => s.Body == "icg"));

        var dwyer = plan.Changed.Single(c => c.Before.Person == "Pete Dwyer");
        Assert.Equal(["agency", "voting", "source"], dwyer.Fields.Select(f => f.Field));
        Assert.Equal(PartnerCategory.LocalAuthority, dwyer.After.PartnerCategory);
        Assert.Null(dwyer.Inferred);

        var forum = plan.Changed.Single(c => c.Before.Post == "Chair of Schools Forum");
        Assert.Equal(("Mike Hughes", SeatStatus.Filled, (PartnerCategory?)PartnerCategory.MaintainedSchool),
            (forum.After.Person, forum.After.Status, forum.After.PartnerCategory));
    }

    [Fact]
    public void Vacancies_in_the_file_become_vacant_seats()
    {
        using var data = new TempDataset();
        var plan = PlanFixture(data, "anyplace", "lag", ImportMode.Replace, "anyplace-lag-vacancies.csv");

        var lag = plan.After.Find("anyplace")!.Seats.Where(s => s.Body == "lag").ToList();
        Assert.Equal(5, lag.Count(s => s.Status == SeatStatus.Vacant));
        Assert.Equal(["Jane Okafor", "Sam Reid"], lag.Where(s => s.Person is not null).Select(s => s.Person));
        Assert.Contains(plan.Changed, c => c.Before.Post == "Area Manager - Police" && c.Fields.Any(f => f == new FieldChange("status", "filled", "vacant")));
    }

    [Fact]
    public void The_import_is_cited_as_a_new_source_named_after_the_file_and_the_day()
    {
        using var data = new TempDataset();
        var plan = PlanFixture(data, "suffolk", "ctpb", ImportMode.Replace, "suffolk-board-excel-1252.csv");

        Assert.Equal(new Source("import-suffolk-board-excel-1252-20100301", "Imported membership list suffolk-board-excel-1252.csv", null, "2010-03-01"), plan.NewSource);
        Assert.Equal(plan.NewSource, plan.After.Sources[^1]);
        Assert.Equal(["sources.csv", "suffolk/memberships.csv"], plan.Files.Select(f => f.Path));
    }

    [Fact]
    public void A_source_id_already_taken_gets_a_number()
    {
        var taken = new HashSet<string> { "import-board-list-20100301", "import-board-list-20100301-2" };

        Assert.Equal("import-board-list-20100301-3", ImportPlanner.ImportSourceId("Board List.CSV", new DateOnly(2010, 3, 1), taken));
        Assert.Equal("import-x-20100301", ImportPlanner.ImportSourceId("££.csv", new DateOnly(2010, 3, 1), taken));
    }

    [Fact]
    public void Rows_for_another_body_and_unknown_sources_are_reported_with_line_and_column()
    {
        using var data = new TempDataset();
        var text = "body,post,person,agency,partner_category,role,voting,status,source\n"
            + "ecg,Chief Officer,,Suffolk Probation,probation,member,,filled,suffolk-ecg-2009#invitees\n"
            + "pig,Chief Officer,,Suffolk Probation,probation,member,,filled,suffolk-ecg-2009\n"
            + "ecg,Director,,Suffolk County Council,local-authority,member,,filled,minutes-2009#item-3\n";

        var result = Plan(data, "suffolk", "ecg", ImportMode.Replace, "ecg.csv", Encoding.UTF8.GetBytes(text));

        Assert.Null(result.Plan);
        Assert.Equal([(3, 1), (4, 9)], result.Errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("for body 'pig' but the import is into 'ecg'", result.Errors[0].Message);
        Assert.Contains("source 'minutes-2009' is not in sources.csv", result.Errors[1].Message);
    }

    [Fact]
    public void An_unknown_body_is_reported_with_the_bodies_that_exist_together_with_the_files_problems()
    {
        using var data = new TempDataset();
        var result = Plan(data, "suffolk", "board", ImportMode.Replace, "bad-values.csv", ImportTestData.Fixture("bad-values.csv"));

        Assert.Null(result.Plan);
        Assert.Equal("--body", result.Errors[0].File);
        Assert.Contains("no body 'board' in suffolk/bodies.csv; expected one of: ctpb, ecg", result.Errors[0].Message);
        Assert.Equal(6, result.Errors.Count);
    }

    [Fact]
    public void An_unknown_authority_is_reported_with_the_authorities_that_exist()
    {
        using var data = new TempDataset();
        var result = Plan(data, "norfolk", "ctb", ImportMode.Replace, "york-icg-utf8-bom.csv", ImportTestData.Fixture("york-icg-utf8-bom.csv"));

        Assert.Contains("no authority 'norfolk'", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void A_header_without_rows_would_empty_a_body_and_is_refused()
    {
        using var data = new TempDataset();
        var result = Plan(data, "suffolk", "ecg", ImportMode.Replace, "empty-list.csv", "Name,Post\r\n"u8.ToArray());

        Assert.Contains("would remove all 16 seats", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Columns_the_contract_does_not_know_are_kept_in_memberships_csv()
    {
        using var data = new TempDataset();
        var path = Path.Combine(data.Dir, "york", "memberships.csv");
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines.Select((l, i) => l + (i == 0 ? ",notes" : $",note {i}")));

        var plan = PlanFixture(data, "york", "icg", ImportMode.Merge, "york-icg-utf8-bom.csv");

        var written = Encoding.UTF8.GetString(plan.Files.Single(f => f.Path == "york/memberships.csv").Content).Split('\n');
        Assert.EndsWith(",notes", written[0]);
        Assert.StartsWith("icg,Director of Children's Services,Pete Dwyer,City of York Council,", written[1]);
        Assert.EndsWith(",note 1", written[1]);
        Assert.EndsWith(",note 5", written[5]);
        Assert.Contains(written, l => l.Contains("Linda Bramley") && l.Contains(",import-york-icg-utf8-bom-20100301#row-5,inferred,\"partner category inferred from ") && l.EndsWith(",", StringComparison.Ordinal));
    }

    [Fact]
    public void Planning_writes_nothing()
    {
        using var data = new TempDataset();
        var before = ImportTestData.HashAll(data.Dir);

        PlanFixture(data, "suffolk", "ctpb", ImportMode.Replace, "suffolk-board-excel-1252.csv");

        Assert.Equal(before, ImportTestData.HashAll(data.Dir));
    }
}
