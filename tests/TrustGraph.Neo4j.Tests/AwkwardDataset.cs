using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// A small dataset of everything that is easy to lose on the way into Neo4j and back: vacant seats, seats named only by
/// their post, identical rows, one person spelt two ways, every role and voting state, Unicode (Welsh, Irish, CJK, emoji,
/// right-to-left marks), text that looks like Cypher or JSON, and orders that differ from id order (authorities, sources,
/// and twelve seats, so ord 10 must come after ord 9). It is written with the dataset writer and loaded with the loader,
/// so it is exactly what a folder would give.
/// </summary>
internal static class AwkwardDataset
{
    public const string HostileName = "Siân O'Brien-Ó Súilleabháin \"{key: $authority}\" '; MATCH (n) DETACH DELETE n // 张伟 👩‍👧 \u200fRTL\u200e";

    public static Dataset Load()
    {
        var z = new SourceRef("z-paper", "p 3");
        var a = new SourceRef("a-paper", null);
        var sources = new List<Source>
        {
            new("z-paper", "Zeta's terms of reference — “draft” ✓", "Zeta County Council", "2009-03"),
            new("a-paper", "A paper, {with: 'braces'} and \\backslashes\\", null, null),
        };

        var zeta = new AuthorityStructure(
            new Authority("zeta", "Zeta & Ynys Môn 🏴", "E10000099", AuthorityTier.County),
            [new Arrangement("2010", ArrangementStatus.Proposed, new PartialDate(2010, 4, 1), z), new Arrangement("2009", ArrangementStatus.Current, null, a)],
            [
                new Body("lsp", "Local Strategic Partnership", BodyKind.Lsp, OnionLayer.Outside, null, 0, a),
                new Body("board", HostileName + " Board", BodyKind.TrustBoard, OnionLayer.Governance, "2009", 4, z),
                new Body("exec", "Executive", BodyKind.Executive, OnionLayer.Strategy, "2009", null, z) { PartOf = "board", MembershipPartial = true },
                new Body("new-board", "Proposed board", BodyKind.TrustBoard, OnionLayer.Governance, "2010", 6, z),
            ],
            [
                new Seat("board", "Director of Children's Services", HostileName, "Zeta County Council", PartnerCategory.LocalAuthority, SeatRole.Chair, true, SeatStatus.Filled, z),
                new Seat("board", "Chief Constable", null, "Zeta Police", PartnerCategory.Police, SeatRole.Member, null, SeatStatus.Vacant, z),
                new Seat("board", "Chief Constable", null, "Zeta Police", PartnerCategory.Police, SeatRole.Member, null, SeatStatus.Vacant, z),
                new Seat("board", null, "Ann Smith", null, null, SeatRole.ViceChair, false, SeatStatus.Filled, a),
                new Seat("board", "Head of Legal", "ann  SMITH", "Zeta County Council", PartnerCategory.LocalAuthority, SeatRole.Advisor, null, SeatStatus.Filled, a),
                new Seat("exec", "PCT Chief Executive", null, "Zeta PCT", PartnerCategory.Pct, SeatRole.InAttendance, false, SeatStatus.Filled, z),
                new Seat("exec", "Youth Council rep", "张伟", "Zeta Youth Council", PartnerCategory.YoungPeople, SeatRole.Observer, null, SeatStatus.Filled, z),
                new Seat("exec", "Clerk", null, null, null, SeatRole.Secretariat, null, SeatStatus.Filled, z),
                new Seat("exec", "Parent governor", null, null, PartnerCategory.ParentCarer, SeatRole.Member, true, SeatStatus.Vacant, z),
                new Seat("lsp", "Leader of the Council", "Cllr Ann Smith", "Zeta County Council", PartnerCategory.ElectedMember, SeatRole.Chair, true, SeatStatus.Filled, a),
                new Seat("new-board", "Director of Children's Services", null, "Zeta County Council", PartnerCategory.LocalAuthority, SeatRole.Chair, null, SeatStatus.Vacant, z),
                new Seat("new-board", "Principal, FE college", "Dr. Ngozi Okonjo-Iweala", "Zeta College", PartnerCategory.FeCollege, SeatRole.Member, true, SeatStatus.Filled, z),
            ],
            [
                new AccountabilityLine("board", "lsp", AccountabilityKind.AccountableTo, z),
                new AccountabilityLine("exec", "board", AccountabilityKind.ReportsTo, z),
                new AccountabilityLine("exec", "lsp", AccountabilityKind.Advises, a),
                new AccountabilityLine("exec", "board", AccountabilityKind.ReportsTo, a),
                new AccountabilityLine("lsp", "board", AccountabilityKind.Observes, a),
                new AccountabilityLine("new-board", "new-board", AccountabilityKind.AccountableTo, z),
            ],
            [
                new Duty("board", "Own the plan\nacross two lines, \"quoted\"", Outcome.All, z),
                new Duty("board", "Keep children safe", Outcome.StaySafe, z),
                new Duty("exec", "=SUM(1+1)", null, a),
            ]);

        var alpha = new AuthorityStructure(
            new Authority("alpha", "Alpha", null, null),
            [], [new Body("only", "The only body", BodyKind.Network, OnionLayer.Delivery, null, null, a)], [], [], []);

        var folder = Directory.CreateTempSubdirectory("awkward-dataset").FullName;
        try
        {
            DatasetWriter.Write(new Dataset([zeta, alpha], sources), folder);
            var loaded = DatasetLoader.Load(folder);
            Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
            return loaded.Dataset!;
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
