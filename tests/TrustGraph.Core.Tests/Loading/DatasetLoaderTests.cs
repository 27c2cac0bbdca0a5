using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Loading;

public class DatasetLoaderTests
{
    private static DatasetError OnlyError(TempDataset data)
    {
        var result = DatasetLoader.Load(data.Root);
        Assert.Null(result.Dataset);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void A_valid_dataset_loads_with_every_field()
    {
        using var data = new TempDataset();

        var result = DatasetLoader.Load(data.Root);

        Assert.Empty(result.Errors);
        var shire = Assert.Single(result.Dataset!.Authorities);
        Assert.Equal(AuthorityTier.County, shire.Authority.Tier);
        var seat = Assert.Single(shire.Seats);
        Assert.Equal(("Jo Bloggs", SeatRole.Chair, true, PartnerCategory.LocalAuthority), (seat.Person, seat.Role, seat.Voting, seat.PartnerCategory));
        Assert.Equal("paper#p3", seat.Source.ToString());
        Assert.Equal(new PartialDate(2009, 5, null), shire.Arrangements[0].InForce);
    }

    [Fact]
    public void Unknown_enumeration_value_names_file_line_column_and_lists_the_allowed_values()
    {
        using var data = new TempDataset();
        data.Append("shire/bodies.csv", "exec,Executive,steering-group,strategy,2009,,paper");

        var error = OnlyError(data);

        Assert.Equal(("shire/bodies.csv", 4, 3), (error.File, error.Line, error.Column));
        Assert.Contains("unknown kind 'steering-group'", error.Message);
        Assert.Contains("trust-board", error.Message);
        Assert.Contains("agency-governance", error.Message);
    }

    [Fact]
    public void Membership_of_an_unknown_body_names_the_missing_id()
    {
        using var data = new TempDataset();
        data.Append("shire/memberships.csv", "ghost-board,Member,Ann,,,member,,,paper");

        var error = OnlyError(data);

        Assert.Equal(("shire/memberships.csv", 3, 1), (error.File, error.Line, error.Column));
        Assert.Contains("body 'ghost-board' is not in shire/bodies.csv", error.Message);
    }

    [Fact]
    public void Edge_to_an_unknown_body_names_the_missing_id_and_its_column()
    {
        using var data = new TempDataset();
        data.Append("shire/accountability.csv", "board,cabinet,reports-to,paper");

        var error = OnlyError(data);

        Assert.Equal(("shire/accountability.csv", 3, 2), (error.File, error.Line, error.Column));
        Assert.Contains("'cabinet'", error.Message);
    }

    [Fact]
    public void Source_not_in_sources_csv_names_the_missing_source()
    {
        using var data = new TempDataset();
        data.Append("shire/duties.csv", "board,Meets quarterly,,minutes-2008#item-3");

        var error = OnlyError(data);

        Assert.Equal(("shire/duties.csv", 3, 4), (error.File, error.Line, error.Column));
        Assert.Contains("source 'minutes-2008' is not in sources.csv", error.Message);
    }

    [Fact]
    public void Duplicate_body_id_names_both_lines()
    {
        using var data = new TempDataset();
        data.Append("shire/bodies.csv", "board,Another Board,trust-board,governance,2009,,paper");

        var error = OnlyError(data);

        Assert.Equal(("shire/bodies.csv", 4, 1), (error.File, error.Line, error.Column));
        Assert.Contains("duplicate body id 'board': also defined at line 3", error.Message);
    }

    [Fact]
    public void Missing_required_column_is_reported_with_the_columns_expected()
    {
        using var data = new TempDataset();
        data.Write("shire/accountability.csv", "from,to,source\nboard,lsp,paper\n");

        var error = OnlyError(data);

        Assert.Equal(("shire/accountability.csv", 1), (error.File, error.Line));
        Assert.Contains("no 'kind' column", error.Message);
    }

    [Fact]
    public void Missing_file_is_reported()
    {
        using var data = new TempDataset();
        File.Delete(Path.Combine(data.Root, "shire", "duties.csv"));

        var error = OnlyError(data);

        Assert.Equal("shire/duties.csv", error.File);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void Bad_id_bad_date_and_bad_number_are_each_reported()
    {
        using var data = new TempDataset();
        data.Append("shire/bodies.csv", "Bad Id,Bad,thematic,strategy,2009,often,paper");
        data.Append("shire/arrangements.csv", "2010,proposed,April 2010,paper");

        var errors = DatasetLoader.Load(data.Root).Errors;

        Assert.Contains(errors, e => e is { File: "shire/bodies.csv", Line: 4, Column: 1 } && e.Message.Contains("not a valid id"));
        Assert.Contains(errors, e => e is { File: "shire/bodies.csv", Line: 4, Column: 6 } && e.Message.Contains("number of meetings"));
        Assert.Contains(errors, e => e is { File: "shire/arrangements.csv", Line: 3, Column: 3 } && e.Message.Contains("YYYY-MM-DD"));
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        using var data = new TempDataset();
        data.Append("shire/memberships.csv", "board,Member,Ann,,,boss,maybe,,paper");
        data.Append("shire/accountability.csv", "board,lsp,answers-to,nowhere");

        var errors = DatasetLoader.Load(data.Root).Errors;

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Message.Contains("unknown role 'boss'"));
        Assert.Contains(errors, e => e.Message.Contains("unknown voting 'maybe'"));
        Assert.Contains(errors, e => e.Message.Contains("unknown kind 'answers-to'"));
        Assert.Contains(errors, e => e.Message.Contains("source 'nowhere'"));
    }

    [Fact]
    public void Row_with_too_many_fields_is_rejected_with_its_line()
    {
        using var data = new TempDataset();
        data.Append("shire/duties.csv", "board,Plans, commissions and reviews,all,paper,extra");

        var error = OnlyError(data);

        Assert.Equal(("shire/duties.csv", 3), (error.File, error.Line));
        Assert.Contains("fields but the header has 4", error.Message);
    }

    [Fact]
    public void Quoted_fields_with_commas_and_line_breaks_keep_their_line_numbers()
    {
        using var data = new TempDataset();
        data.Append("shire/duties.csv", "board,\"Plans, commissions\nand reviews\",all,paper");
        data.Append("shire/duties.csv", "board,Meets,,missing-source");

        var error = OnlyError(data);

        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void A_byte_order_mark_and_extra_columns_are_accepted()
    {
        using var data = new TempDataset();
        data.Write("shire/duties.csv", "\uFEFFbody,duty,outcome,source,notes\nboard,Owns the plan,all,paper,checked by JB\n");

        Assert.True(DatasetLoader.Load(data.Root).IsValid);
    }

    [Fact]
    public void Values_are_trimmed_of_every_kind_of_space_and_escaped_quotes_are_unescaped()
    {
        using var data = new TempDataset();
        // A no-break space before the post (as pasted from a web page), a tab after the person, quotes inside a quoted name.
        data.Append("shire/memberships.csv", "board,\u00A0Director of Public Health ,\"Sam \"\"the Doc\"\" Smith\"\t,Shire PCT,pct,member,,,paper");

        var seat = DatasetLoader.Load(data.Root).Dataset!.Authorities[0].Seats[^1];

        Assert.Equal("Director of Public Health", seat.Post);
        Assert.Equal("Sam \"the Doc\" Smith", seat.Person);
        Assert.Equal(PartnerCategory.Pct, seat.PartnerCategory);
    }

    [Fact]
    public void A_bad_value_after_escaped_quotes_and_non_ascii_text_is_reported_at_its_own_cell()
    {
        using var data = new TempDataset();
        data.Append("shire/memberships.csv", "board,\"Chair, \"\"Überwachung\"\" panel\",Zoë Brontë,,pct,chairman,,,paper");

        var error = OnlyError(data);

        Assert.Equal(("shire/memberships.csv", 3, 6), (error.File, error.Line, error.Column));
        Assert.Contains("unknown role 'chairman'", error.Message);
    }

    [Fact]
    public void A_body_named_before_bodies_csv_lists_it_is_unknown_only_in_its_own_authority()
    {
        using var data = new TempDataset();
        data.Append("shire/accountability.csv", "board,Board,accountable-to,paper");

        var error = OnlyError(data);

        Assert.Equal(("shire/accountability.csv", 3, 2), (error.File, error.Line, error.Column));
        Assert.Contains("body 'Board' is not in shire/bodies.csv", error.Message);
    }

    [Fact]
    public void Error_text_reads_file_line_column_then_the_problem()
    {
        Assert.Equal("a/b.csv:3:2: bad; expected good", new DatasetError("a/b.csv", 3, 2, "bad; expected good").ToString());
    }
}
