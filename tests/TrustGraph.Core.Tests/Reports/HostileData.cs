using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Reports;

/// <summary>
/// A dataset whose names try to break out of HTML, Markdown, SVG and spreadsheets. It is written with DatasetWriter
/// to a temporary folder and loaded back, so the reports see exactly what a user's hostile files would give.
/// </summary>
internal static class HostileData
{
    public const string AuthorityName = "<script>alert(\"a\")</script> & 'Co'";
    public const string BoardName = "Board \"quoted\" </svg><script>board()</script>";
    public const string Person = "<img src=x onerror=alert(1)>";
    public const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public const string Duty = "Develop the CYPP <b onclick=\"x()\">now</b> | split";
    public const string SourceTitle = "</title><script>t()</script># Heading";

    public static Dataset Load()
    {
        var src = new SourceRef("evil-paper", "p-1");
        var structure = new AuthorityStructure(
            new Authority("evil", AuthorityName, null, AuthorityTier.Unitary),
            [new Arrangement("2010", ArrangementStatus.Current, new PartialDate(2010, 6, null), src)],
            [
                new Body("lsp", "# LSP *bold* [link](http://x)", BodyKind.Lsp, OnionLayer.Outside, null, null, src),
                new Body("board", BoardName, BodyKind.TrustBoard, OnionLayer.Governance, "2010", 2, src),
                new Body("group", "@SUM(1+1)", BodyKind.SubGroup, OnionLayer.Strategy, "2010", null, src),
            ],
            [
                new Seat("board", "Chief Constable", Person, Formula, PartnerCategory.Police, SeatRole.Member, true, SeatStatus.Filled, src),
                new Seat("board", "+Chair", null, "-minus", PartnerCategory.LocalAuthority, SeatRole.Chair, null, SeatStatus.Filled, src),
            ],
            [new AccountabilityLine("board", "lsp", AccountabilityKind.AccountableTo, src)],
            [new Duty("group", Duty, null, src)]);
        var dataset = new Dataset([structure], [new Source("evil-paper", SourceTitle, "=cmd|' /C calc'!A0", "2010")]);

        var folder = Directory.CreateTempSubdirectory("trustgraph-hostile-");
        try
        {
            DatasetWriter.Write(dataset, folder.FullName);
            var result = DatasetLoader.Load(folder.FullName);
            return result.Dataset ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
