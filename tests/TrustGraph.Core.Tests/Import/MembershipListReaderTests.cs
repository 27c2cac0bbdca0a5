using System.Text;
using TrustGraph.Import;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Import;

public class MembershipListReaderTests
{
    private static (MembershipList? List, List<DatasetError> Errors) Read(string fileName, byte[] bytes)
    {
        var errors = new List<DatasetError>();
        var list = MembershipListReader.Read(fileName, bytes, errors);
        return (list, errors);
    }

    private static MembershipList ReadFixture(string name)
    {
        var (list, errors) = Read(name, ImportTestData.Fixture(name));
        Assert.Empty(errors);
        return list!;
    }

    private static MembershipList ReadText(string text, string name = "list.csv")
    {
        var (list, errors) = Read(name, Encoding.UTF8.GetBytes(text));
        Assert.Empty(errors);
        return list!;
    }

    [Fact]
    public void Excel_export_in_Windows_1252_with_semicolons_keeps_the_pound_sign_and_accented_names()
    {
        var list = ReadFixture("suffolk-board-excel-1252.csv");

        Assert.Equal("Windows-1252", list.Encoding);
        Assert.Equal(';', list.Separator);
        Assert.Equal(12, list.Rows.Count);
        Assert.Contains(list.Rows, r => r.Person == "José Álvarez" && r.Post == "Assistant Chief Constable");
        Assert.Contains(list.Rows, r => r.Person == "Åsa Lindqvist" && r.Role == SeatRole.ViceChair);
        Assert.Contains(list.Rows, r => r.Person == "Zoë Hart");
        Assert.Equal("Portfolio Holder for Children, Schools and Young People", list.Rows[0].Post);
        Assert.Equal(SeatRole.Chair, list.Rows[0].Role);
        Assert.Contains("Notes", list.IgnoredColumns);
    }

    [Fact]
    public void A_pound_sign_in_a_column_that_is_read_survives_Windows_1252()
    {
        var bytes = Encoding.Latin1.GetBytes("Name;Post;Organisation\r\nAnn Lee;Holder of the £2m budget;Suffolk County Council\r\n");
        var (list, errors) = Read("budget.csv", bytes);

        Assert.Empty(errors);
        Assert.Equal("Holder of the £2m budget", list!.Rows[0].Post);
    }

    [Fact]
    public void UTF8_file_with_a_byte_order_mark_is_read_through_the_header_aliases()
    {
        var list = ReadFixture("york-icg-utf8-bom.csv");

        Assert.Equal("UTF-8 with BOM", list.Encoding);
        Assert.Equal(
            [("Name", ImportField.Person), ("Job Title", ImportField.Post), ("Organisation", ImportField.Agency), ("Role", ImportField.Role), ("Voting", ImportField.Voting)],
            list.Columns.Select(c => (c.Header, c.Field)));
        var pete = list.Rows[0];
        Assert.Equal(("Pete Dwyer", "Director of Children's Services", "City of York Council", SeatRole.Chair, (bool?)true),
            (pete.Person, pete.Post, pete.Agency, pete.Role, pete.Voting));
        Assert.Equal(SeatRole.Advisor, list.Rows[3].Role);
        Assert.False(list.Rows[3].Voting);
    }

    [Fact]
    public void UTF16_little_endian_tab_separated_Unicode_text_is_read()
    {
        var list = ReadFixture("calderdale-board-unicode.txt");

        Assert.Equal("UTF-16 LE", list.Encoding);
        Assert.Equal('\t', list.Separator);
        Assert.Equal(7, list.Rows.Count);
        Assert.Equal("École-style nursery federation", list.Rows[3].Agency);
        Assert.Equal(PartnerCategory.MaintainedSchool, list.Rows[3].PartnerCategory);
    }

    [Fact]
    public void UTF16_big_endian_with_a_byte_order_mark_is_read()
    {
        var text = "Name,Post\r\nJosé Álvarez,Chief Inspector\r\n";
        var (list, errors) = Read("be.csv", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)]);

        Assert.Empty(errors);
        Assert.Equal("UTF-16 BE", list!.Encoding);
        Assert.Equal("José Álvarez", list.Rows[0].Person);
    }

    [Fact]
    public void UTF16_saved_without_a_byte_order_mark_is_recognised()
    {
        var (list, errors) = Read("nobom.csv", Encoding.Unicode.GetBytes("Name\tPost\r\nZoë Hart\tChief Officer\r\n"));

        Assert.Empty(errors);
        Assert.Equal("UTF-16 LE (no BOM)", list!.Encoding);
        Assert.Equal("Zoë Hart", list.Rows[0].Person);
    }

    [Fact]
    public void A_file_without_a_name_column_lists_posts_that_are_not_vacancies()
    {
        var list = ReadFixture("calderdale-board-unicode.txt");

        Assert.All(list.Rows, r => Assert.Equal(SeatStatus.Filled, r.Status));
        Assert.All(list.Rows, r => Assert.Null(r.Person));
    }

    [Fact]
    public void Vacancy_TBC_TBA_Vacant_and_a_blank_name_with_a_post_are_vacant_seats()
    {
        var list = ReadFixture("anyplace-lag-vacancies.csv");

        var vacant = list.Rows.Where(r => r.Status == SeatStatus.Vacant).ToList();
        Assert.Equal(
            ["Member of X Borough County Council", "Area Manager - Youth Offending Team", "Area Manager - Health", "Area Manager - Police", "Representative - Voluntary Sector"],
            vacant.Select(r => r.Post));
        Assert.All(vacant, r => Assert.Null(r.Person));
        Assert.Equal("the name cell says 'TBC' (read as the vacancy word 'tbc')", vacant[1].VacantBecause);
        Assert.Equal("the name is blank", vacant[3].VacantBecause);
        Assert.Equal(["Jane Okafor", "Sam Reid"], list.Rows.Where(r => r.Status == SeatStatus.Filled).Select(r => r.Person));
    }

    [Fact]
    public void Quoted_values_keep_their_commas_and_a_line_break_in_a_cell_becomes_a_space()
    {
        var list = ReadFixture("worcestershire-jcb-quoted.csv");

        Assert.Equal(4, list.HeaderLine);
        Assert.Equal(5, list.Rows.Count);
        var keble = list.Rows[2];
        Assert.Equal(7, keble.Line);
        Assert.Equal("Head of Commissioning and Quality", keble.Post);
        Assert.Equal("Worcestershire PCT, Board", list.Rows[3].Agency);
        Assert.Equal(9, list.Rows[3].Line);
        Assert.Equal("Parent/carer representative (\"Parents' Voice\")", list.Rows[4].Post);
    }

    [Fact]
    public void A_surname_first_name_is_turned_round_and_the_preview_is_told()
    {
        var list = ReadFixture("worcestershire-jcb-quoted.csv");

        Assert.Equal("Richard Keble", list.Rows[2].Person);
        Assert.Contains(list.Warnings, w => w.Line == 7 && w.Message.Contains("'Keble, Richard' was read as 'Richard Keble'"));
    }

    [Theory]
    [InlineData("Richard Keble, OBE")]
    [InlineData("Smith, Jones, Brown")]
    [InlineData("van der Berg, Anna")]
    public void Names_with_honours_or_several_commas_are_not_turned_round(string name) =>
        Assert.Null(MembershipListReader.SurnameFirst(name));

    [Fact]
    public void Title_rows_above_the_header_are_skipped_and_reported()
    {
        var list = ReadFixture("worcestershire-jcb-quoted.csv");

        Assert.Contains(list.Warnings, w => w.Line == 4 && w.Message.Contains("2 rows above it were taken as titles"));
    }

    [Fact]
    public void Trailing_blank_rows_and_columns_are_ignored()
    {
        var list = ReadText("Name,Post,,,\nAnn Lee,Head of Service,,,\n,,,,\n\n,,\n");

        Assert.Single(list.Rows);
    }

    [Theory]
    [InlineData("Name,Post\nAnn Lee,Head\n", ',')]
    [InlineData("Name;Post\nAnn Lee;Head, Finance and Resources\n", ';')]
    [InlineData("Name\tPost\nAnn Lee\tHead, Finance; Resources\n", '\t')]
    [InlineData("sep=;\nName;Post\nAnn Lee;Head, Finance\n", ';')]
    public void The_separator_is_found_from_the_header(string text, char separator)
    {
        var list = ReadText(text);

        Assert.Equal(separator, list.Separator);
        Assert.Equal("Ann Lee", list.Rows.Single().Person);
    }

    [Fact]
    public void Headers_match_whatever_their_case_spacing_or_trailing_colon()
    {
        var list = ReadText("  FULL NAME: ,Job_Title,ORGANIZATION,Membership Type,voting rights,Partner Category\nAnn Lee,Head,County Council,Chairperson,Non-Voting,LOCAL AUTHORITY\n");

        var row = list.Rows.Single();
        Assert.Equal(("Ann Lee", "Head", "County Council", SeatRole.Chair, (bool?)false, (PartnerCategory?)PartnerCategory.LocalAuthority),
            (row.Person, row.Post, row.Agency, row.Role, row.Voting, row.PartnerCategory));
    }

    [Theory]
    [InlineData("Chair", SeatRole.Chair)]
    [InlineData("chairman", SeatRole.Chair)]
    [InlineData("Vice Chair", SeatRole.ViceChair)]
    [InlineData("Deputy chair", SeatRole.ViceChair)]
    [InlineData("Adviser", SeatRole.Advisor)]
    [InlineData("In attendance", SeatRole.InAttendance)]
    [InlineData("Observer", SeatRole.Observer)]
    [InlineData("Clerk", SeatRole.Secretariat)]
    [InlineData("", SeatRole.Member)]
    public void Role_words_from_spreadsheets_are_understood(string cell, SeatRole role) =>
        Assert.Equal(role, ReadText($"Name,Role\nAnn Lee,{cell}\n").Rows.Single().Role);

    [Theory]
    [InlineData("Y", true)]
    [InlineData("yes", true)]
    [InlineData("Voting", true)]
    [InlineData("TRUE", true)]
    [InlineData("N", false)]
    [InlineData("Non-voting", false)]
    [InlineData("false", false)]
    [InlineData("", null)]
    public void Voting_words_from_spreadsheets_are_understood(string cell, bool? voting) =>
        Assert.Equal(voting, ReadText($"Name,Voting\nAnn Lee,{cell}\n").Rows.Single().Voting);

    [Fact]
    public void First_name_and_surname_columns_make_the_name()
    {
        var row = ReadText("First name,Surname,Post\nAnn,Lee,Head of Service\n").Rows.Single();

        Assert.Equal("Ann Lee", row.Person);
    }

    [Fact]
    public void A_file_in_the_contract_format_is_read_literally()
    {
        var list = ReadText("body,post,person,agency,partner_category,role,voting,status,source\necg,Chief Officer,,Suffolk Probation,,member,,filled,suffolk-ecg-2009#invitees\n");

        Assert.True(list.IsContractFormat);
        var row = list.Rows.Single();
        Assert.Equal(SeatStatus.Filled, row.Status);
        Assert.Null(row.PartnerCategory);
        Assert.Equal(new SourceRef("suffolk-ecg-2009", "invitees"), row.Source);
    }

    [Fact]
    public void Every_bad_value_is_reported_at_once_with_its_line_column_and_what_was_expected()
    {
        var (list, errors) = Read("bad-values.csv", ImportTestData.Fixture("bad-values.csv"));

        Assert.Null(list);
        Assert.Equal([(2, 5), (3, 6), (4, 4), (5, 7), (6, 2)], errors.Select(e => (e.Line, e.Column)));
        Assert.All(errors, e => Assert.Equal("bad-values.csv", e.File));
        Assert.Contains("unknown role 'Honorary patron'; expected one of: chair, vice-chair, member", errors[0].Message);
        Assert.Contains("unknown voting value 'Maybe'; expected one of: yes, no", errors[1].Message);
        Assert.Contains("unknown partner category 'health visitors'; expected one of: local-authority", errors[2].Message);
        Assert.Contains("unknown status 'resigned'", errors[3].Message);
        Assert.Contains("neither a name nor a post", errors[4].Message);
    }

    [Fact]
    public void A_missing_name_or_post_column_is_reported_with_the_columns_found_and_the_names_accepted()
    {
        var (list, errors) = Read("bad-missing-column.csv", ImportTestData.Fixture("bad-missing-column.csv"));

        Assert.Null(list);
        var error = Assert.Single(errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("found 'Organisation', 'Email', 'Telephone'", error.Message);
        Assert.Contains("'full name'", error.Message);
        Assert.Contains("'job title'", error.Message);
    }

    [Fact]
    public void A_row_with_too_many_fields_is_reported_where_the_extra_field_starts()
    {
        var (list, errors) = Read("bad-too-many-fields.csv", ImportTestData.Fixture("bad-too-many-fields.csv"));

        Assert.Null(list);
        var error = Assert.Single(errors);
        Assert.Equal((3, 4), (error.Line, error.Column));
        Assert.Contains("4 fields but the header has 3", error.Message);
    }

    [Fact]
    public void Two_columns_that_mean_the_same_field_are_reported()
    {
        var (_, errors) = Read("bad-duplicate-columns.csv", ImportTestData.Fixture("bad-duplicate-columns.csv"));

        var error = Assert.Single(errors);
        Assert.Equal((1, 2), (error.Line, error.Column));
        Assert.Contains("'Name' (column 1) and 'Full name' (column 2) both mean person", error.Message);
    }

    [Fact]
    public void A_quote_that_is_never_closed_is_reported_on_the_row_where_it_opens()
    {
        var (list, errors) = Read("bad-unclosed-quote.csv", ImportTestData.Fixture("bad-unclosed-quote.csv"));

        Assert.Null(list);
        Assert.Equal(2, Assert.Single(errors).Line);
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        var (list, errors) = Read("bad-empty.csv", ImportTestData.Fixture("bad-empty.csv"));

        Assert.Null(list);
        Assert.Contains("the file is empty", Assert.Single(errors).Message);
    }

    [Fact]
    public void A_workbook_saved_as_xlsx_is_rejected_as_binary()
    {
        var (list, errors) = Read("bad-workbook.xlsx", ImportTestData.Fixture("bad-workbook.xlsx"));

        Assert.Null(list);
        Assert.Contains("not a text file", Assert.Single(errors).Message);
    }

    [Fact]
    public void A_file_of_mostly_control_characters_is_rejected_as_binary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 'a' : 1 + i % 7)).ToArray();
        var (list, errors) = Read("noise.csv", bytes);

        Assert.Null(list);
        Assert.Contains("not a text file", Assert.Single(errors).Message);
    }

    [Fact]
    public void A_file_over_ten_megabytes_is_rejected_with_its_size()
    {
        var bytes = new byte[SpreadsheetText.MaxBytes + 1];
        Array.Fill(bytes, (byte)'a');
        var (list, errors) = Read("huge.csv", bytes);

        Assert.Null(list);
        Assert.Contains("expected at most 10 MB", Assert.Single(errors).Message);
    }

    [Fact]
    public void A_file_of_separators_only_is_rejected()
    {
        var (list, errors) = Read("commas.csv", Encoding.UTF8.GetBytes(",,,\n,,,\n"));

        Assert.Null(list);
        Assert.Contains("no rows", Assert.Single(errors).Message);
    }
}
