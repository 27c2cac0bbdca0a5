using System.Text.Json.Serialization;

namespace TrustGraph.Model;

/// <summary>Local government tier. Only two-tier (county) areas have district councils as relevant partners.</summary>
public enum AuthorityTier { County, Unitary, Metropolitan, LondonBorough }

/// <summary>What a body is for, in the vocabulary of Children's Trust governance.</summary>
public enum BodyKind
{
    Lsp, TrustBoard, Executive, Commissioning, Thematic, Locality, Safeguarding,
    Advisory, Support, Network, AgencyGovernance, SubGroup,
}

/// <summary>The ring of the DCSF "onion" a body sits on, outside in; <c>Outside</c> holds the LSP and partner agencies' own governance.</summary>
public enum OnionLayer { Governance, Strategy, Processes, Delivery, Outside }

/// <summary>Whether an arrangement was in place, proposed, or one option among several.</summary>
public enum ArrangementStatus { Current, Proposed, Option }

public enum SeatRole { Chair, ViceChair, Member, Advisor, InAttendance, Observer, Secretariat }

/// <summary>A vacant seat is kept: a vacancy is a finding, not an absence.</summary>
public enum SeatStatus { Filled, Vacant }

/// <summary>The partner agency a seat represents; the statutory relevant partners are mapped onto these in guidance data.</summary>
public enum PartnerCategory
{
    LocalAuthority, ElectedMember, DistrictCouncil, Police, Probation, YouthOffending,
    StrategicHealthAuthority, Pct, NhsTrust, Gp, Connexions, Lsc, JobcentrePlus,
    MaintainedSchool, SpecialSchool, Academy, FeCollege, Vcs, ParentCarer, YoungPeople, Other,
}

/// <summary>
/// How one body answers to another. Only <c>AccountableTo</c> and <c>ReportsTo</c> carry accountability:
/// cycles and the path to the LSP are computed over those two.
/// </summary>
public enum AccountabilityKind { AccountableTo, ReportsTo, Advises, Observes }

/// <summary>The five Every Child Matters outcomes (and <c>All</c>).</summary>
public enum Outcome { BeHealthy, StaySafe, EnjoyAndAchieve, PositiveContribution, EconomicWellBeing, All }

/// <summary>How much a finding matters: <c>Error</c> breaks the law or the chain of accountability, <c>Warning</c> needs a look, <c>Info</c> is context.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("info")] Info,
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("error")] Error,
}

public static class AccountabilityKindExtensions
{
    /// <summary>True for the kinds that form the chain of accountability to the LSP.</summary>
    public static bool CarriesAccountability(this AccountabilityKind kind) =>
        kind is AccountabilityKind.AccountableTo or AccountabilityKind.ReportsTo;
}
