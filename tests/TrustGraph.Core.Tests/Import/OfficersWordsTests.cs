using System.Text;
using TrustGraph.Import;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Import;

/// <summary>The words officers write, read as they mean them, and the look-alikes that must not be.</summary>
public class OfficersWordsTests
{
    private static readonly ImportVocabulary Words = ImportVocabulary.Default;

    private static MembershipList Read(string text)
    {
        var errors = new List<DatasetError>();
        var list = MembershipListReader.Read("list.csv", Encoding.UTF8.GetBytes(text), errors);
        Assert.Empty(errors);
        return list!;
    }

    [Theory]
    [InlineData("Vacant – awaiting nomination", "vacant")]
    [InlineData("(vacant)", "vacant")]
    [InlineData("Vacancy - to be appointed", "vacancy")]
    [InlineData("To be nominated", "to be nominated")]
    [InlineData("TBC", "tbc")]
    [InlineData("[Post vacant]", "post vacant")]
    [InlineData("Representative to be confirmed", "representative to be confirmed")]
    public void The_ways_clerks_write_vacant_are_recognised_with_the_word_found(string cell, string word) =>
        Assert.Equal(word, Words.VacancyWord(cell));

    [Theory]
    [InlineData("Jo Vacant")]
    [InlineData("Anne Tbcroft")]
    [InlineData("Jane Smith - vacant from April")]
    [InlineData("Vacanti Rossi")]
    public void A_name_is_never_read_as_a_vacancy_because_of_a_word_later_in_it(string cell) =>
        Assert.Null(Words.VacancyWord(cell));

    [Theory]
    [InlineData("Voting?", ImportField.Voting)]
    [InlineData("ROLE ON BOARD:", ImportField.Role)]
    [InlineData("Surname, Forename", ImportField.SurnameFirstName)]
    [InlineData("Member's name", ImportField.Person)]
    [InlineData("Organisation / Agency", ImportField.Agency)]
    [InlineData("Designation", ImportField.Post)]
    public void Headers_match_whatever_their_case_punctuation_and_spacing(string header, ImportField field) =>
        Assert.Equal(field, Words.FieldOf(header));

    [Theory]
    [InlineData("Member (non-voting)", SeatRole.Member, false)]
    [InlineData("Non-voting member", SeatRole.Member, false)]
    [InlineData("Co-opted member", SeatRole.Member, null)]
    [InlineData("Chair (voting)", SeatRole.Chair, true)]
    public void Role_cells_carry_a_voting_word_as_well(string cell, SeatRole role, bool? voting)
    {
        Assert.True(Words.TryRoleAndVoting(cell, out var r, out var v));
        Assert.Equal((role, voting), (r, v));
    }

    [Theory]
    [InlineData("Gail Quinton (Chair)", "Gail Quinton", SeatRole.Chair)]
    [InlineData("Cllr Marcus Hart (Vice-Chair)", "Cllr Marcus Hart", SeatRole.ViceChair)]
    [InlineData("Gail Quinton – Chair", "Gail Quinton", SeatRole.Chair)]
    [InlineData("Ruth Okonjo, Vice Chairman", "Ruth Okonjo", SeatRole.ViceChair)]
    public void A_role_written_after_a_name_is_taken_out_and_the_name_kept_clean(string cell, string name, SeatRole role)
    {
        var row = Read($"Name,Job title\n\"{cell}\",Director\n").Rows.Single();

        Assert.Equal((name, role), (row.Person, row.Role));
        Assert.Equal($"the name '{cell}'", row.RoleTakenFrom);
    }

    [Fact]
    public void A_post_that_names_another_bodys_chair_is_not_read_as_a_role()
    {
        var row = Read("Name,Job title\nMike Hughes,\"Chair, Schools Forum\"\nAnn Lee,Chair of Governors\n").Rows;

        Assert.Equal(["Chair, Schools Forum", "Chair of Governors"], row.Select(r => r.Post));
        Assert.All(row, r => Assert.Equal(SeatRole.Member, r.Role));
        Assert.All(row, r => Assert.Null(r.RoleTakenFrom));
    }

    [Fact]
    public void A_role_column_wins_over_a_role_in_the_name_and_the_preview_says_so()
    {
        var list = Read("Name,Role\nGail Quinton (Chair),Member\n");

        Assert.Equal(("Gail Quinton", SeatRole.Member), (list.Rows[0].Person, list.Rows[0].Role));
        Assert.Contains(list.Warnings, w => w.Message.Contains("the role column says member"));
    }

    [Fact]
    public void A_cell_marked_as_text_with_an_apostrophe_is_read_as_that_text()
    {
        var list = Read("Name,Job title\n'-Jo Reed,'=Lead\n");

        Assert.Equal(("-Jo Reed", "=Lead"), (list.Rows[0].Person, list.Rows[0].Post));
    }

    [Fact]
    public void A_marked_formula_that_a_new_seat_would_store_is_refused_at_its_cell()
    {
        using var data = new TempDataset();
        var result = MembershipImport.Plan(data.Load(), data.Dir, "suffolk", "ctpb", ImportMode.Replace, "list.csv",
            Encoding.UTF8.GetBytes("Name,Job title\nJo Reed,'=Lead\n"), new DateOnly(2010, 1, 1));

        Assert.Null(result.Plan);
        Assert.StartsWith("list.csv:2:2: '=Lead' would be stored starting with '='", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void A_file_at_the_row_limit_is_read_and_one_row_more_is_refused_at_that_row()
    {
        var text = new StringBuilder("Name\n");
        for (var i = 0; i < 30; i++) text.Append($"Person {i}\n");
        var errors = new List<DatasetError>();

        Assert.NotNull(MembershipListReader.Read("list.csv", Encoding.UTF8.GetBytes(text.ToString()), errors, maxRows: 30));
        Assert.Null(MembershipListReader.Read("list.csv", Encoding.UTF8.GetBytes(text.ToString()), errors, maxRows: 29));
        Assert.StartsWith("list.csv:31: the file has more than 29 rows of members", Assert.Single(errors).ToString());
    }
}
