namespace TrustGraph.Cli.Tests;

public class ImportCommandTests
{
    [Fact]
    public void Import_previews_the_changes_then_writes_them()
    {
        using var data = new ImportDataCopy();

        var (exit, output, error) = data.Run("import", ImportDataCopy.Fixture("suffolk-board-excel-1252.csv"), "--authority", "suffolk", "--body", "ctpb");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("Read as Windows-1252, separated by semicolons; header on line 1; 12 rows.", output);
        Assert.Contains("Seats added (12):", output);
        Assert.Contains("+ line 4: José Álvarez — Assistant Chief Constable; Suffolk Constabulary; police* (member, voting)", output);
        Assert.Contains("line 4: José Álvarez: police, inferred from \"Constabulary\" in the agency \"Suffolk Constabulary\"", output);
        Assert.Contains("Rosalind Turner: 2 bodies (Children's Trust Executive Commissioning Group; Suffolk Children's Trust Partnership Board), was 1", output);
        Assert.Contains("Findings that appear (", output);
        Assert.Contains("Children's Trust Executive Commissioning Group has no seat for Youth offending team", output);
        Assert.Contains("Written: sources.csv, suffolk/memberships.csv.", output);
        Assert.Contains("José Álvarez,", File.ReadAllText(Path.Combine(data.Dir, "suffolk", "memberships.csv")));

        var (validateExit, validated, _) = data.Run("validate");
        Assert.Equal(0, validateExit);
        Assert.Contains("valid", validated);
    }

    [Fact]
    public void Dry_run_shows_the_preview_and_writes_nothing()
    {
        using var data = new ImportDataCopy();
        var before = data.Hashes();

        var (exit, output, _) = data.Run("import", ImportDataCopy.Fixture("york-icg-utf8-bom.csv"), "--authority", "york", "--body", "icg", "--mode", "merge", "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("~ line 2: Pete Dwyer: agency 'Local Authority' → 'City of York Council'; voting (blank) → 'yes'", output);
        Assert.Contains("~ line 6: Chair of Schools Forum: person (blank) → 'Mike Hughes'; voting (blank) → 'yes'; status 'vacant' → 'filled'", output);
        Assert.Contains("Unchanged: 9 seats.", output);
        Assert.Contains("Dry run: nothing was written.", output);
        Assert.Equal(before, data.Hashes());
    }

    [Fact]
    public void Exported_members_imported_back_change_nothing()
    {
        using var data = new ImportDataCopy();
        var export = Path.Combine(data.Dir, "..", $"ecg-{Guid.NewGuid():N}.csv");
        try
        {
            Assert.Equal(0, data.Run("export-members", "--authority", "suffolk", "--body", "ecg", "--out", export).Exit);
            var before = data.Hashes();

            var (exit, output, _) = data.Run("import", export, "--authority", "suffolk", "--body", "ecg");

            Assert.Equal(0, exit);
            Assert.Contains("Unchanged: 16 seats.", output);
            Assert.Contains("Nothing to change", output);
            Assert.Equal(before, data.Hashes());
        }
        finally
        {
            File.Delete(export);
        }
    }

    [Fact]
    public void Export_members_writes_the_columns_of_memberships_csv_to_the_standard_output()
    {
        using var data = new ImportDataCopy();

        var (exit, output, _) = data.Run("export-members", "--authority", "york", "--body", "icg");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("body,post,person,agency,partner_category,role,voting,status,source,basis,note", lines[0]);
        Assert.Equal(13, lines.Length);
        Assert.Contains("icg,Chair of Schools Forum,,Primary & Secondary Schools,maintained-school,member,,vacant,york-cicg-tor#membership,,new chair from September", lines);
    }

    [Fact]
    public void History_lists_imports_newest_first_and_undo_puts_the_dataset_back_byte_for_byte()
    {
        using var data = new ImportDataCopy();
        var original = data.Hashes();
        Assert.Equal(0, data.Run("import", ImportDataCopy.Fixture("suffolk-board-excel-1252.csv"), "--authority", "suffolk", "--body", "ctpb").Exit);
        Assert.Equal(0, data.Run("import", ImportDataCopy.Fixture("anyplace-lag-vacancies.csv"), "--authority", "anyplace", "--body", "lag").Exit);

        var history = data.Run("history").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, history.Length);
        Assert.Contains("import anyplace-lag-vacancies.csv into anyplace/lag (replace)", history[0]);
        Assert.Contains("import suffolk-board-excel-1252.csv into suffolk/ctpb (replace)", history[1]);

        var (exit, output, _) = data.Run("undo");
        Assert.Equal(0, exit);
        Assert.Contains("Undone: import anyplace-lag-vacancies.csv", output);
        Assert.Contains("Next undo would restore the version before: import suffolk-board-excel-1252.csv", output);
        Assert.Equal(0, data.Run("undo").Exit);

        var restored = data.Hashes();
        Assert.Equal(original, new SortedDictionary<string, string>(restored.Where(kv => !kv.Key.StartsWith(".history")).ToDictionary(), StringComparer.Ordinal));
        var (again, _, error) = data.Run("undo");
        Assert.Equal(2, again);
        Assert.Contains("nothing to undo", error);
    }

    [Theory]
    [InlineData("bad-values.csv", "bad-values.csv:2:5: unknown role 'Honorary patron'")]
    [InlineData("bad-values.csv", "bad-values.csv:3:6: unknown voting value 'Maybe'")]
    [InlineData("bad-values.csv", "bad-values.csv:4:4: unknown partner category 'health visitors'")]
    [InlineData("bad-values.csv", "bad-values.csv:6:2: this row has neither a name nor a post")]
    [InlineData("bad-missing-column.csv", "bad-missing-column.csv:1: the header has no column for the person's name or the post (found 'Organisation', 'Email', 'Telephone')")]
    [InlineData("bad-too-many-fields.csv", "bad-too-many-fields.csv:3:4: this row has 4 fields but the header has 3")]
    [InlineData("bad-duplicate-columns.csv", "bad-duplicate-columns.csv:1:2: columns 'Name' (column 1) and 'Full name' (column 2) both mean person")]
    [InlineData("bad-unclosed-quote.csv", "bad-unclosed-quote.csv:2: a quoted value that starts in this row is never closed")]
    [InlineData("bad-empty.csv", "bad-empty.csv: the file is empty")]
    [InlineData("bad-workbook.xlsx", "bad-workbook.xlsx:1: this is not a text file")]
    public void A_bad_file_is_rejected_with_every_problem_located_and_the_dataset_unchanged(string fixture, string expected)
    {
        using var data = new ImportDataCopy();
        var before = data.Hashes();

        var (exit, output, error) = data.Run("import", ImportDataCopy.Fixture(fixture), "--authority", "suffolk", "--body", "ecg");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains($"trustgraph: {fixture} was not imported", error);
        Assert.Contains("nothing was written", error);
        Assert.Contains(expected, error);
        Assert.Equal(before, data.Hashes());
    }

    [Fact]
    public void A_body_that_does_not_exist_is_rejected_with_the_bodies_that_do_and_the_dataset_unchanged()
    {
        using var data = new ImportDataCopy();
        var before = data.Hashes();

        var (exit, _, error) = data.Run("import", ImportDataCopy.Fixture("york-icg-utf8-bom.csv"), "--authority", "york", "--body", "board");

        Assert.Equal(2, exit);
        Assert.Contains("--body: there is no body 'board' in york/bodies.csv; expected one of: yorok-board, icg,", error);
        Assert.Equal(before, data.Hashes());
    }

    [Fact]
    public void A_file_over_the_size_limit_is_rejected_before_it_is_read_and_the_dataset_unchanged()
    {
        using var data = new ImportDataCopy();
        var big = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.csv");
        try
        {
            using (var stream = File.Create(big)) stream.SetLength(10 * 1024 * 1024 + 1);
            var before = data.Hashes();

            var (exit, _, error) = data.Run("import", big, "--authority", "suffolk", "--body", "ecg");

            Assert.Equal(2, exit);
            Assert.Contains("the file is 10.0 MB; expected at most 10 MB", error);
            Assert.Equal(before, data.Hashes());
        }
        finally
        {
            File.Delete(big);
        }
    }

    [Fact]
    public void A_missing_file_is_reported_and_nothing_is_written()
    {
        using var data = new ImportDataCopy();
        var before = data.Hashes();

        var (exit, _, error) = data.Run("import", "no-such-list.csv", "--authority", "suffolk", "--body", "ecg");

        Assert.Equal(2, exit);
        Assert.Contains("no-such-list.csv: no such file", error);
        Assert.Equal(before, data.Hashes());
    }

    [Fact]
    public void The_authority_and_body_are_required()
    {
        using var data = new ImportDataCopy();

        var (exit, _, error) = data.Run("import", ImportDataCopy.Fixture("york-icg-utf8-bom.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("--authority", error);
    }
}
