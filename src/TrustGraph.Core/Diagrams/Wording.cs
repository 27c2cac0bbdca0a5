using TrustGraph.Analyses;
using TrustGraph.Model;

namespace TrustGraph.Diagrams;

/// <summary>The names a policy lead reads on a diagram: body kinds, onion rings, Every Child Matters outcomes and the overlays.</summary>
public static class Wording
{
    public static string Kind(BodyKind kind) => kind switch
    {
        BodyKind.Lsp => "Local Strategic Partnership",
        BodyKind.TrustBoard => "Children's Trust Board",
        BodyKind.Executive => "Executive",
        BodyKind.Commissioning => "Commissioning",
        BodyKind.Thematic => "Thematic group",
        BodyKind.Locality => "Locality",
        BodyKind.Safeguarding => "Safeguarding",
        BodyKind.Advisory => "Advisory",
        BodyKind.Support => "Support",
        BodyKind.Network => "Network",
        BodyKind.AgencyGovernance => "Agency governance",
        BodyKind.SubGroup => "Sub-group",
        _ => kind.ToWord(),
    };

    /// <summary>The DCSF onion's rings, outside in, as the guidance names them.</summary>
    public static string Ring(OnionLayer layer) => layer switch
    {
        OnionLayer.Governance => "Inter-agency governance",
        OnionLayer.Strategy => "Integrated strategy (joint planning and commissioning)",
        OnionLayer.Processes => "Integrated processes",
        OnionLayer.Delivery => "Integrated front-line delivery",
        _ => "Outside the Children's Trust",
    };

    public const string OutcomesForChildren = "Outcomes for children";

    public static string Outcome(Outcome outcome) => outcome switch
    {
        Model.Outcome.BeHealthy => "Be healthy",
        Model.Outcome.StaySafe => "Stay safe",
        Model.Outcome.EnjoyAndAchieve => "Enjoy and achieve",
        Model.Outcome.PositiveContribution => "Make a positive contribution",
        Model.Outcome.EconomicWellBeing => "Achieve economic well-being",
        _ => "All five outcomes",
    };

    public static string Role(SeatRole role) => role switch
    {
        SeatRole.ViceChair => "Vice-chair",
        SeatRole.InAttendance => "In attendance",
        _ => role.ToString(),
    };

    public static string Line(AccountabilityKind kind) => kind switch
    {
        AccountabilityKind.AccountableTo => "Accountable to",
        AccountabilityKind.ReportsTo => "Reports to",
        AccountabilityKind.Advises => "Advises",
        _ => "Observes",
    };

    /// <summary>What the overlay of a check draws, as its toggle is labelled.</summary>
    public static string Overlay(string check) => check switch
    {
        Checks.AccountabilityCycle => "Accountability cycles",
        Checks.LspReportingGap => "Cut off from the LSP",
        Checks.DuplicatedMembership => "People on several bodies",
        Checks.MissingRelevantPartner => "Board's missing partners",
        _ => check,
    };

    public static string Coverage(CoverageStatus status) => status switch
    {
        CoverageStatus.Present => "Present",
        CoverageStatus.Vacant => "Vacant",
        CoverageStatus.Absent => "Absent",
        CoverageStatus.CannotAssess => "Cannot assess",
        CoverageStatus.NotApplicable => "Not applicable",
        CoverageStatus.NotYetInForce => "Not yet in force",
        _ => "No longer in force",
    };
}
