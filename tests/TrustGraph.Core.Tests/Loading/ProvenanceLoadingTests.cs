using TrustGraph.Analyses;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Loading;

public class ProvenanceLoadingTests
{
    private const string V11Memberships =
        "body,post,person,agency,partner_category,role,voting,status,source,basis,note\n" +
        "board,Director,Jo Bloggs,Shire Council,local-authority,chair,yes,filled,paper#p3,,\n" +
        "board,,Sam Lee,Shire Probation,probation,member,,filled,paper#p3,inferred,name paired with agency by list order\n";

    [Fact]
    public void An_inferred_seat_loads_with_its_note_and_the_line_it_was_read_from()
    {
        using var data = new TempDataset();
        data.Write("shire/memberships.csv", V11Memberships);

        var shire = Assert.Single(DatasetLoader.Load(data.Root).Dataset!.Authorities);

        var stated = shire.Seats.Single(s => s.Person == "Jo Bloggs");
        var inferred = shire.Seats.Single(s => s.Person == "Sam Lee");
        Assert.Equal(Basis.Stated, stated.Basis);
        Assert.Equal((Basis.Inferred, "name paired with agency by list order"), (inferred.Basis, inferred.Note));
        Assert.Equal(new RowOrigin("shire/memberships.csv", 3), RowOrigin.Of(inferred));
        var row = Assert.Single(InferredRow.Among("shire", shire.Seats));
        Assert.Equal(new InferredRow("shire/memberships.csv", 3, "name paired with agency by list order"), row);
    }

    [Fact]
    public void An_unknown_basis_names_file_line_column_and_the_allowed_words()
    {
        using var data = new TempDataset();
        data.Write("shire/accountability.csv", "from,to,kind,source,basis,note\nboard,lsp,accountable-to,paper#p4,guessed,\n");

        var result = DatasetLoader.Load(data.Root);

        Assert.Null(result.Dataset);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("shire/accountability.csv", 2, 5), (error.File, error.Line, error.Column));
        Assert.Contains("unknown basis 'guessed'; expected stated, inferred", error.Message);
    }

    [Fact]
    public void Basis_and_notes_survive_writing_and_reading_back()
    {
        using var data = new TempDataset();
        data.Write("shire/memberships.csv", V11Memberships);
        data.Write("shire/bodies.csv",
            "id,name,kind,layer,arrangement,meets_per_year,source,part_of,membership_listed,basis,note\n" +
            "lsp,Shire Partnership,lsp,outside,,,paper,,,,\n" +
            "board,Trust Board,trust-board,governance,2009,4,paper#p2,,partial,inferred,taken as the board from its duties\n");
        var first = DatasetLoader.Load(data.Root).Dataset!;

        using var copy = new TempDataset();
        DatasetWriter.Write(first, copy.Root);
        var second = DatasetLoader.Load(copy.Root).Dataset!;

        Assert.Equal(first.Authorities[0].Seats, second.Authorities[0].Seats);
        Assert.Equal(first.Authorities[0].Bodies, second.Authorities[0].Bodies);
        Assert.Equal("taken as the board from its duties", second.Authorities[0].Bodies.Single(b => b.Id == "board").Note);
    }

    [Fact]
    public void A_v1_dataset_without_provenance_columns_reads_every_row_as_stated()
    {
        using var data = new TempDataset();

        var shire = Assert.Single(DatasetLoader.Load(data.Root).Dataset!.Authorities);

        Assert.All(shire.Seats, s => Assert.Equal(Basis.Stated, s.Basis));
        Assert.All(shire.Lines, l => Assert.Equal(Basis.Stated, l.Basis));
        Assert.Empty(InferredRow.Among("shire", shire.Lines));
    }
}
