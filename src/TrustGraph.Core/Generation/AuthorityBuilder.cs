using System.Globalization;
using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Guidance;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Generation;

/// <summary>
/// Builds one synthetic authority: its arrangements, bodies, lines, seats and duties, the defects injected into them, and the
/// findings the analyses should make. Expected findings come from what was built on purpose (the people placed on several bodies,
/// the partners left off a board, the lines cut or doubled back); where a finding the generator did not intend would arise, it
/// throws, so a generated dataset never holds an accidental defect.
/// </summary>
internal sealed class AuthorityBuilder
{
    /// <summary>No body has more seats than this (a defect may add one to a body below it).</summary>
    private const int MaxSeats = 25;

    private readonly Authority _authority;
    private readonly Rng _rng;
    private readonly DefectRates _rates;
    private readonly IReadOnlyList<RelevantPartner> _partners;
    private readonly DateOnly _today;
    private readonly string _area;
    private readonly string _council;
    private readonly string _police;
    private readonly string _region;
    private readonly List<string> _districts = [];

    private readonly List<Arrangement> _arrangements = [];
    private readonly List<Body> _bodies = [];
    private readonly Dictionary<string, Body> _bodyById = [];
    private readonly Dictionary<string, List<Seat>> _seatsByBody = [];
    private readonly List<Seat> _appendedSeats = [];
    private readonly List<AccountabilityLine> _lines = [];
    private readonly List<Duty> _duties = [];
    private readonly List<Source> _sources = [];
    private readonly HashSet<string> _personKeys = [];
    private readonly HashSet<(string Post, string Agency)> _offices = [];
    private readonly List<Seat> _plainSeats = [];
    private readonly HashSet<string> _unlinkedPeople = [];
    private readonly HashSet<string> _listedTwicePeople = [];
    private readonly List<string> _seniorPool = [];
    private readonly HashSet<string> _seniorKeys = [];
    private readonly HashSet<(string Arrangement, PartnerCategory Category)> _partnerDefects = [];
    private readonly List<ExpectedFinding> _structural = [];

    private readonly string _lsp, _lspExecutive, _lscb, _cabinet, _pctBoard;
    private readonly string? _districtLsps;
    private readonly SourceRef _lspSource, _lscbSource;
    private readonly string _boardChair, _dcs, _commissioner, _lscbChair;
    private readonly bool _boardChairIsCouncillor;
    private readonly bool _boardAnswersToAgencies;

    public AuthorityBuilder(Authority authority, Rng rng, DefectRates rates, IReadOnlyList<RelevantPartner> partners, DateOnly today, IReadOnlyList<string> places,
        NationShape shape = NationShape.Links)
    {
        _authority = authority;
        _rng = rng;
        _rates = rates;
        _partners = partners;
        _today = today;
        _area = authority.Name;
        _council = authority.Tier switch
        {
            AuthorityTier.County => $"{_area} County Council",
            AuthorityTier.Metropolitan => $"{_area} Metropolitan Borough Council",
            AuthorityTier.LondonBorough => $"London Borough of {_area}",
            _ => _rng.Chance(0.5) ? $"{_area} Council" : $"{_area} City Council",
        };
        _police = authority.Tier == AuthorityTier.LondonBorough ? "Metropolitan Police Service" : _rng.Chance(0.5) ? $"{_area} Constabulary" : $"{_area} Police";
        _region = authority.Tier == AuthorityTier.LondonBorough ? "NHS London" : _rng.Pick(Names.Regions);
        if (authority.Tier == AuthorityTier.County)
            _districts.AddRange(_rng.Sample(places.Where(p => p != _area), _rng.Int(4, 7)));

        _lspSource = AddSource("lsp", $"{_area} Partnership: constitution and membership", $"{_area} Partnership", "2008");
        _lscbSource = AddSource("lscb", $"{_area} Local Safeguarding Children Board: annual report", $"{_area} LSCB", "2009");

        _boardChairIsCouncillor = _rng.Chance(0.6);
        _boardChair = NewPerson(councillor: _boardChairIsCouncillor);
        _dcs = NewPerson();
        _commissioner = NewPerson();
        _lscbChair = NewPerson();
        _boardAnswersToAgencies = _rng.Chance(0.4);
        if (shape == NationShape.SeniorPool)
            for (var i = _rng.Int(60, 90); i > 0; i--)
            {
                var senior = NewPerson();
                _seniorPool.Add(senior);
                _seniorKeys.Add(PersonName.Key(senior));
            }

        _lsp = AddBody("lsp", $"{_area} Partnership", BodyKind.Lsp, OnionLayer.Outside, null, 4, _lspSource).Id;
        _lspExecutive = AddBody("lsp-executive", $"{_area} Partnership Executive", BodyKind.SubGroup, OnionLayer.Outside, null, 6, _lspSource).Id;
        _lscb = AddBody("lscb", $"{_area} Local Safeguarding Children Board", BodyKind.Safeguarding, OnionLayer.Governance, null, _rng.Int(4, 6), _lscbSource).Id;
        _cabinet = AddBody("cabinet", $"{_council} Cabinet", BodyKind.AgencyGovernance, OnionLayer.Outside, null, 12, _lspSource).Id;
        _pctBoard = AddBody("pct-board", $"NHS {_area} Board", BodyKind.AgencyGovernance, OnionLayer.Outside, null, 12, _lspSource).Id;
        if (authority.Tier == AuthorityTier.County)
            _districtLsps = AddBody("district-lsps", "District Local Strategic Partnerships", BodyKind.Lsp, OnionLayer.Outside, null, null, _lspSource).Id;
        AddLine(_lspExecutive, _lsp, AccountabilityKind.ReportsTo, _lspSource);
    }

    public (AuthorityStructure Structure, IReadOnlyList<Source> Sources, IReadOnlyList<ExpectedFinding> Truth) Build()
    {
        var arrangements = PlanArrangements().ToList();
        foreach (var arrangement in arrangements) BuildArrangement(arrangement, multi: arrangements.Count > 1);
        BuildSharedSeats();
        InjectPersonDefects();

        var seats = _bodies.SelectMany(b => _seatsByBody.GetValueOrDefault(b.Id) ?? []).Concat(_appendedSeats).ToList();
        var structure = new AuthorityStructure(_authority, _arrangements, _bodies, seats, _lines, _duties);
        var truth = ExpectedFindings(structure).Concat(_structural).ToList();
        return (structure, _sources, truth);
    }

    // ---- arrangements -------------------------------------------------------------------------------------------------

    private IEnumerable<Arrangement> PlanArrangements()
    {
        var roll = _rng.Unit();
        if (roll < 0.05)
        {
            var src = AddSource("ct-options", $"{_area} Children's Trust: options for future arrangements", _council, "2009");
            yield return AddArrangement(new Arrangement("model-1", ArrangementStatus.Option, null, src));
            yield return AddArrangement(new Arrangement("model-2", ArrangementStatus.Option, null, src));
        }
        else if (roll < 0.42)
        {
            var before = DateBefore2010();
            yield return AddArrangement(new Arrangement(before.Year.ToString(CultureInfo.InvariantCulture), ArrangementStatus.Current, before, ArrangementSource(before)));
            var after = DateFrom2010();
            yield return AddArrangement(new Arrangement("proposed-2010", ArrangementStatus.Proposed, after, ArrangementSource(after)));
        }
        else
        {
            var which = _rng.Unit();
            PartialDate? date = which < 0.55 ? DateBefore2010() : which < 0.9 ? DateFrom2010() : null;
            var id = date is PartialDate d ? d.Year.ToString(CultureInfo.InvariantCulture) : "current";
            yield return AddArrangement(new Arrangement(id, ArrangementStatus.Current, date, ArrangementSource(date)));
        }
    }

    private Arrangement AddArrangement(Arrangement arrangement)
    {
        _arrangements.Add(arrangement);
        return arrangement;
    }

    private SourceRef ArrangementSource(PartialDate? date) =>
        AddSource($"ct-{date?.Year.ToString(CultureInfo.InvariantCulture) ?? "current"}{(_sources.Count > 2 ? "-" + _sources.Count : "")}",
            $"{_area} Children's Trust arrangements: terms of reference and membership", _council, date?.ToString());

    private PartialDate DateBefore2010()
    {
        var year = _rng.Int(2008, 2010);
        var month = year == 2010 ? _rng.Int(1, 3) : _rng.Int(1, 12);
        var form = _rng.Unit();
        if (form < 0.15 && year < 2010) return new PartialDate(year, null, null);
        if (form < 0.6) return new PartialDate(year, month, null);
        return new PartialDate(year, month, _rng.Int(1, 28));
    }

    private PartialDate DateFrom2010() => _rng.Int(0, 5) switch
    {
        0 => new PartialDate(2010, 4, 1),
        1 => new PartialDate(2010, 4, null),
        2 => new PartialDate(2010, 9, null),
        3 => new PartialDate(2011, 3, 15),
        4 => new PartialDate(2011, null, null),
        _ => new PartialDate(2010, _rng.Int(5, 12), _rng.Int(1, 28)),
    };

    private DateOnly LawDay(Arrangement arrangement) => arrangement.InForce?.Earliest ?? _today;

    // ---- one arrangement's bodies, lines and seats --------------------------------------------------------------------

    private sealed class Planned(Body body)
    {
        public Body Body { get; } = body;
        public string Id => Body.Id;
        public List<(string To, AccountabilityKind Kind)> Up { get; set; } = [];
        public List<Planned> Children { get; } = [];
    }

    private void BuildArrangement(Arrangement arrangement, bool multi)
    {
        var sfx = !multi || arrangement == _arrangements[0] ? "" : arrangement.Id.StartsWith("model-", StringComparison.Ordinal) ? "-m" + arrangement.Id[^1] : "-2010";
        var src = arrangement.Source;
        var a = arrangement.Id;

        var board = Plan("trust-board" + sfx, $"{_area} Children's Trust Board", BodyKind.TrustBoard, OnionLayer.Governance, a, _rng.Int(4, 6), src);
        var executive = Plan("executive" + sfx, _rng.Pick(["Children's Trust Executive", "Children's Services Management Group", "Children's Trust Strategic Executive"]),
            BodyKind.Executive, OnionLayer.Governance, a, _rng.Int(10, 12), src);
        var commissioning = Plan("commissioning" + sfx, _rng.Pick(["Joint Commissioning Group", "Integrated Commissioning Board", "Children's Commissioning Executive"]),
            BodyKind.Commissioning, OnionLayer.Strategy, a, _rng.Int(6, 10), src);
        var forum = Plan("participation-forum" + sfx, _rng.Pick(["Young People's Participation Forum", "Parent Carer Forum", "Stakeholder Reference Group"]),
            BodyKind.Advisory, OnionLayer.Strategy, a, 4, src);
        var unit = Plan("ct-unit" + sfx, "Children's Trust Support Unit", BodyKind.Support, OnionLayer.Processes, a, null, src);

        var themes = _rng.Sample(Names.Themes, multi ? _rng.Int(3, 5) : _rng.Int(4, 6));
        var thematic = new List<Planned>();
        var subGroups = new List<Planned>();
        foreach (var theme in themes)
        {
            var tp = Plan($"tp-{theme.Id}{sfx}", theme.Name, BodyKind.Thematic, OnionLayer.Strategy, a, _rng.Int(4, 6), src);
            thematic.Add(tp);
            foreach (var sg in _rng.Sample(theme.SubGroups, _rng.Int(0, Math.Min(2, theme.SubGroups.Length))))
            {
                var sub = Plan($"sg-{Slug.From(sg)}{sfx}", $"{sg} Sub-group", BodyKind.SubGroup, OnionLayer.Processes, a, null, src);
                tp.Children.Add(sub);
                subGroups.Add(sub);
            }
        }
        var localities = _districts.Count > 0
            ? _districts.Select(d => Plan($"locality-{Slug.From(d)}{sfx}", $"{d} Local Children's Partnership", BodyKind.Locality, OnionLayer.Delivery, a, 6, src)).ToList()
            : _rng.Sample(Names.LocalityDirections, _rng.Int(3, 5))
                .Select(d => Plan($"locality-{Slug.From(d)}{sfx}", $"{_area} {d} Locality Group", BodyKind.Locality, OnionLayer.Delivery, a, 6, src)).ToList();
        var network = _rng.Chance(0.5) ? Plan("cc-network" + sfx, "Children's Centres Network", BodyKind.Network, OnionLayer.Delivery, a, null, src) : null;

        board.Up = [(_lsp, AccountabilityKind.AccountableTo)];
        if (_boardAnswersToAgencies) board.Up.AddRange([(_cabinet, AccountabilityKind.ReportsTo), (_pctBoard, AccountabilityKind.ReportsTo)]);
        executive.Up = [(board.Id, AccountabilityKind.AccountableTo)];
        commissioning.Up = [(board.Id, AccountabilityKind.AccountableTo), (_cabinet, AccountabilityKind.AccountableTo), (_pctBoard, AccountabilityKind.AccountableTo)];
        forum.Up = [(board.Id, AccountabilityKind.Advises), (executive.Id, AccountabilityKind.ReportsTo)];
        unit.Up = [(executive.Id, AccountabilityKind.ReportsTo)];
        foreach (var tp in thematic)
        {
            tp.Up = [(executive.Id, AccountabilityKind.ReportsTo)];
            foreach (var sub in tp.Children) sub.Up = [(tp.Id, AccountabilityKind.ReportsTo)];
        }
        foreach (var locality in localities)
        {
            locality.Up = [(executive.Id, AccountabilityKind.ReportsTo)];
            if (_districtLsps is not null) locality.Up.Add((_districtLsps, AccountabilityKind.AccountableTo));
        }
        if (network is not null) network.Up = [(commissioning.Id, AccountabilityKind.ReportsTo)];

        var extraLines = InjectStructuralDefect(a, board, executive, commissioning, forum, thematic, localities, network);

        var all = new List<Planned> { board, executive, commissioning, forum, unit };
        all.AddRange(thematic);
        all.AddRange(subGroups);
        all.AddRange(localities);
        if (network is not null) all.Add(network);
        foreach (var p in all)
            foreach (var (to, kind) in p.Up) AddLine(p.Id, to, kind, src);
        foreach (var (from, to, kind) in extraLines) AddLine(from, to, kind, src);
        AddLine(_lscb, board.Id, AccountabilityKind.ReportsTo, _lscbSource);

        // Seats. Each chair of a body below the board also sits on the body it answers to: a deliberate link.
        BoardSeats(arrangement, board.Id);
        Seat(executive.Id, "Director of Children's Services", _dcs, _council, PartnerCategory.LocalAuthority, SeatRole.Chair, src);
        Seat(board.Id, "Director of Children's Services", _dcs, _council, PartnerCategory.LocalAuthority, SeatRole.ViceChair, src, voting: true);
        Fill(executive.Id, Math.Max(4, _rng.Int(16, 23) - 2 - thematic.Count - localities.Count), src, [PartnerCategory.LocalAuthority, PartnerCategory.LocalAuthority, PartnerCategory.Pct, PartnerCategory.Police, PartnerCategory.MaintainedSchool, PartnerCategory.Vcs]);

        Seat(commissioning.Id, "Director of Commissioning", _commissioner, $"NHS {_area}", PartnerCategory.Pct, SeatRole.Chair, src);
        Seat(board.Id, "Director of Commissioning", _commissioner, $"NHS {_area}", PartnerCategory.Pct, SeatRole.Member, src, voting: true);
        Seat(commissioning.Id, "Assistant Director, Commissioning and Partnerships", NewPerson(), _council, PartnerCategory.LocalAuthority, SeatRole.ViceChair, src);
        Fill(commissioning.Id, _rng.Int(7, 12), src, [PartnerCategory.LocalAuthority, PartnerCategory.Pct, PartnerCategory.Pct, PartnerCategory.Vcs, PartnerCategory.MaintainedSchool, PartnerCategory.NhsTrust]);

        var forumCategory = forum.Body.Name.StartsWith("Parent", StringComparison.Ordinal) ? PartnerCategory.ParentCarer : PartnerCategory.YoungPeople;
        ChairWithLink(forum, "Chair of the forum", forumCategory, null, src, _rng.Int(8, 13), [forumCategory, forumCategory, PartnerCategory.Vcs, PartnerCategory.LocalAuthority]);

        var manager = NewPerson();
        Seat(unit.Id, "Children's Trust Manager", manager, _council, PartnerCategory.LocalAuthority, SeatRole.Chair, src);
        Seat(board.Id, "Children's Trust Manager", manager, _council, PartnerCategory.LocalAuthority, SeatRole.Secretariat, src);
        Seat(executive.Id, "Children's Trust Manager", manager, _council, PartnerCategory.LocalAuthority, SeatRole.Secretariat, src);
        Fill(unit.Id, _rng.Int(7, 9), src, [PartnerCategory.LocalAuthority]);

        foreach (var tp in thematic)
            ChairWithLink(tp, "Partnership lead", _rng.Pick([PartnerCategory.LocalAuthority, PartnerCategory.Pct, PartnerCategory.Police, PartnerCategory.Vcs]), null, src, _rng.Int(10, 17),
                [PartnerCategory.LocalAuthority, PartnerCategory.LocalAuthority, PartnerCategory.Pct, PartnerCategory.NhsTrust, PartnerCategory.Vcs, PartnerCategory.MaintainedSchool, PartnerCategory.Police, PartnerCategory.YouthOffending, PartnerCategory.Connexions]);
        foreach (var sub in subGroups)
            ChairWithLink(sub, "Sub-group lead", _rng.Pick([PartnerCategory.LocalAuthority, PartnerCategory.Pct, PartnerCategory.Vcs]), null, src, _rng.Int(7, 12),
                [PartnerCategory.LocalAuthority, PartnerCategory.Pct, PartnerCategory.NhsTrust, PartnerCategory.Vcs, PartnerCategory.MaintainedSchool]);
        foreach (var locality in localities)
        {
            var district = _districts.Count > 0 ? _districts[localities.IndexOf(locality)] : null;
            ChairWithLink(locality, "Locality lead", district is null ? PartnerCategory.LocalAuthority : PartnerCategory.DistrictCouncil, district, src, _rng.Int(10, 18),
                district is null
                    ? [PartnerCategory.LocalAuthority, PartnerCategory.MaintainedSchool, PartnerCategory.MaintainedSchool, PartnerCategory.Pct, PartnerCategory.Police, PartnerCategory.Vcs, PartnerCategory.ParentCarer]
                    : [PartnerCategory.LocalAuthority, PartnerCategory.DistrictCouncil, PartnerCategory.MaintainedSchool, PartnerCategory.MaintainedSchool, PartnerCategory.Pct, PartnerCategory.Police, PartnerCategory.Vcs]);
        }
        if (network is not null)
            ChairWithLink(network, "Network lead", PartnerCategory.LocalAuthority, null, src, _rng.Int(7, 10), [PartnerCategory.LocalAuthority, PartnerCategory.Vcs, PartnerCategory.Pct, PartnerCategory.ParentCarer]);

        Seat(board.Id, "Independent Chair, LSCB", _lscbChair, $"{_area} LSCB", PartnerCategory.Other, SeatRole.Member, src, voting: true);
        if (_boardAnswersToAgencies && _boardChairIsCouncillor && !_seatsByBody.GetValueOrDefault(_cabinet, []).Any(s => s.Person == _boardChair))
            Seat(_cabinet, "Cabinet Member for Children's Services", _boardChair, _council, PartnerCategory.ElectedMember, SeatRole.Member, _lspSource);

        foreach (var p in all)
            AddDuties(p.Body);
    }

    private Planned Plan(string id, string name, BodyKind kind, OnionLayer layer, string arrangement, int? meets, SourceRef source) =>
        new(AddBody(id, name, kind, layer, arrangement, meets, source));

    /// <summary>At most one structural defect per arrangement: a cycle (extra lines) or a body cut off from the LSP (its lines changed).</summary>
    private List<(string From, string To, AccountabilityKind Kind)> InjectStructuralDefect(
        string arrangement, Planned board, Planned executive, Planned commissioning, Planned forum,
        List<Planned> thematic, List<Planned> localities, Planned? network)
    {
        var roll = _rng.Unit();
        if (roll < _rates.Cycle)
        {
            var withSub = thematic.FirstOrDefault(t => t.Children.Count > 0);
            switch (_rng.Int(0, 2))
            {
                case 0:
                    ExpectCycle(arrangement, "cycle", board.Id, executive.Id);
                    return [(board.Id, executive.Id, AccountabilityKind.ReportsTo)];
                case 1 when withSub is not null:
                    var sub = withSub.Children[0];
                    ExpectCycle(arrangement, "cycle", executive.Id, withSub.Id, sub.Id);
                    return [(executive.Id, sub.Id, AccountabilityKind.AccountableTo)];
                default:
                    var self = _rng.Pick([commissioning, .. thematic, .. localities]);
                    ExpectCycle(arrangement, "self-accountable", self.Id);
                    return [(self.Id, self.Id, AccountabilityKind.AccountableTo)];
            }
        }
        if (roll < _rates.Cycle + _rates.CutOff)
        {
            var leaves = thematic.Where(t => t.Children.Count == 0).Concat(thematic.SelectMany(t => t.Children)).Concat(localities).ToList();
            if (network is not null) leaves.Add(network);
            var parent = thematic.FirstOrDefault(t => t.Children.Count > 0);
            var childless = thematic.FirstOrDefault(t => t.Children.Count == 0);
            switch (_rng.Int(0, 3))
            {
                case 0 when parent is not null:
                    parent.Up = [];
                    ExpectCutOff(arrangement, parent.Id);
                    foreach (var child in parent.Children) ExpectCutOff(arrangement, child.Id);
                    break;
                case 1:
                    forum.Up = [(board.Id, AccountabilityKind.Advises)];
                    ExpectCutOff(arrangement, forum.Id);
                    break;
                case 2 when childless is not null:
                    childless.Up = [(_rng.Chance(0.5) ? _cabinet : _pctBoard, AccountabilityKind.AccountableTo)];
                    ExpectCutOff(arrangement, childless.Id);
                    break;
                default:
                    var leaf = _rng.Pick(leaves);
                    leaf.Up = [];
                    ExpectCutOff(arrangement, leaf.Id);
                    break;
            }
        }
        return [];
    }

    private void ExpectCycle(string arrangement, string defect, params string[] bodies)
    {
        var sorted = bodies.Order(StringComparer.Ordinal).ToList();
        _structural.Add(new ExpectedFinding(new FindingKey(_authority.Id, arrangement, Checks.AccountabilityCycle, Severity.Error,
            string.Join(' ', sorted), string.Join(';', sorted)), defect));
    }

    private void ExpectCutOff(string arrangement, string body) =>
        _structural.Add(new ExpectedFinding(new FindingKey(_authority.Id, arrangement, Checks.LspReportingGap, Severity.Warning, body, body), "cut-off"));

    /// <summary>
    /// The Children's Trust Board: its chair, the relevant partners the law of the arrangement's date requires (and some it
    /// does not yet), other members and a vacancy or two. Partner defects are injected here: a required partner left off, or
    /// its only seat vacant.
    /// </summary>
    private void BoardSeats(Arrangement arrangement, string board)
    {
        var src = arrangement.Source;
        var day = LawDay(arrangement);
        var tier = _authority.Tier;
        Seat(board, _boardChairIsCouncillor ? "Cabinet Member for Children's Services" : "Independent Chair", _boardChair,
            _boardChairIsCouncillor ? _council : null, _boardChairIsCouncillor ? PartnerCategory.ElectedMember : PartnerCategory.Other, SeatRole.Chair, src, voting: true);

        var required = _partners.Where(p => p.InForceOn(day) && p.AppliesToTier(tier) == true && !p.OnlyWhereExists && p.Category != PartnerCategory.Pct)
            .Select(p => p.Category).Distinct().ToList();
        PartnerCategory? missing = _rng.Chance(_rates.MissingPartner) ? _rng.Pick(required) : null;
        PartnerCategory? vacant = _rng.Chance(_rates.VacantPartner) ? _rng.Pick(required.Where(c => c != missing).ToList()) : null;
        if (missing is PartnerCategory m) _partnerDefects.Add((arrangement.Id, m));
        if (vacant is PartnerCategory v) _partnerDefects.Add((arrangement.Id, v));

        foreach (var partner in _partners.DistinctBy(p => p.Category))
        {
            var category = partner.Category;
            if (partner.AppliesToTier(tier) == false || category == missing) continue;
            if (category == vacant)
            {
                Seat(board, Post(category, _districts.FirstOrDefault()), null, null, category, SeatRole.Member, src, status: SeatStatus.Vacant);
                continue;
            }
            int seats;
            if (partner.InForceOn(day)) seats = partner.OnlyWhereExists ? (_rng.Chance(0.5) ? 1 : 0) : category == PartnerCategory.MaintainedSchool ? 2 : _rng.Chance(0.1) ? 2 : 1;
            else if (partner.InForce > day) seats = _rng.Chance(category == PartnerCategory.MaintainedSchool ? 0.8 : 0.4) ? 1 : 0;
            else seats = _rng.Chance(0.2) ? 1 : 0;
            for (var i = 0; i < seats; i++)
                Seat(board, Post(category, _districts.Count > 0 ? _districts[i % _districts.Count] : null), NewPerson(), Agency(category, _districts.FirstOrDefault()), category, SeatRole.Member, src, voting: true);
        }

        // Five more seats come with the links added later: the DCS, the commissioner, the LSCB's chair, the forum's chair, the unit's manager.
        var target = _rng.Int(18, 24);
        PartnerCategory[] others = [PartnerCategory.LocalAuthority, PartnerCategory.NhsTrust, PartnerCategory.Gp, PartnerCategory.Vcs, PartnerCategory.ParentCarer, PartnerCategory.YoungPeople];
        var have = _seatsByBody[board].Count + 5;
        if (have < target) Fill(board, target - have, src, others, vacancies: false);
        if (have < 24 && _rng.Chance(0.5))
            Seat(board, Post(PartnerCategory.Gp, null), null, null, PartnerCategory.Gp, SeatRole.Member, src, status: SeatStatus.Vacant);
    }

    /// <summary>A body's chair, who also sits on the body it answers to (a deliberate link), and its other members.</summary>
    private void ChairWithLink(Planned body, string post, PartnerCategory category, string? district, SourceRef src, int members, PartnerCategory[] mix)
    {
        var chair = NewPerson();
        var agency = Agency(category, district);
        Seat(body.Id, post, chair, agency, category, SeatRole.Chair, src);
        if (body.Up.Count > 0)
        {
            var (to, _) = body.Up[0];
            var role = body.Body.Kind == BodyKind.Advisory && to.StartsWith("trust-board", StringComparison.Ordinal) ? SeatRole.Advisor : SeatRole.Member;
            Seat(to, $"Chair, {body.Body.Name}", chair, agency, category, role, src);
        }
        Fill(body.Id, members, src, mix, district: district);
    }

    private void BuildSharedSeats()
    {
        var src = _lspSource;
        Seat(_lsp, "Chair of the Partnership", NewPerson(), $"{_area} Partnership", PartnerCategory.Other, SeatRole.Chair, src);
        Seat(_lsp, _boardChairIsCouncillor ? "Cabinet Member for Children's Services" : "Chair, Children's Trust Board", _boardChair,
            _boardChairIsCouncillor ? _council : null, _boardChairIsCouncillor ? PartnerCategory.ElectedMember : PartnerCategory.Other, SeatRole.Member, src);
        Seat(_lsp, "Director of Children's Services", _dcs, _council, PartnerCategory.LocalAuthority, SeatRole.InAttendance, src);
        Seat(_lsp, "Chief Executive", NewPerson(), _council, PartnerCategory.LocalAuthority, SeatRole.Member, src);
        Seat(_lsp, "Chief Executive", NewPerson(), $"NHS {_area}", PartnerCategory.Pct, SeatRole.Member, src);
        Fill(_lsp, _rng.Int(11, 17), src, [PartnerCategory.Police, PartnerCategory.Vcs, PartnerCategory.Vcs, PartnerCategory.FeCollege, PartnerCategory.JobcentrePlus, PartnerCategory.Other, PartnerCategory.ElectedMember, PartnerCategory.Lsc]);

        var lspExecChair = NewPerson();
        Seat(_lspExecutive, "Partnership Manager", lspExecChair, _council, PartnerCategory.LocalAuthority, SeatRole.Chair, src);
        Seat(_lsp, "Chair, Partnership Executive", lspExecChair, _council, PartnerCategory.LocalAuthority, SeatRole.Member, src);
        Fill(_lspExecutive, _rng.Int(7, 10), src, [PartnerCategory.LocalAuthority, PartnerCategory.Pct, PartnerCategory.Police, PartnerCategory.Vcs]);

        Seat(_lscb, "Independent Chair", _lscbChair, $"{_area} LSCB", PartnerCategory.Other, SeatRole.Chair, _lscbSource);
        Seat(_lscb, "Director of Children's Services", _dcs, _council, PartnerCategory.LocalAuthority, SeatRole.InAttendance, _lscbSource);
        Fill(_lscb, _rng.Int(14, 20), _lscbSource, [PartnerCategory.Police, PartnerCategory.Probation, PartnerCategory.Pct, PartnerCategory.NhsTrust, PartnerCategory.LocalAuthority,
            PartnerCategory.LocalAuthority, PartnerCategory.MaintainedSchool, PartnerCategory.YouthOffending, PartnerCategory.Other, PartnerCategory.Vcs]);

        Seat(_cabinet, "Leader of the Council", NewPerson(councillor: true), _council, PartnerCategory.ElectedMember, SeatRole.Chair, src);
        Fill(_cabinet, _rng.Int(7, 9), src, [PartnerCategory.ElectedMember], vacancies: false, councillors: true);

        Seat(_pctBoard, "Chair", NewPerson(), $"NHS {_area}", PartnerCategory.Other, SeatRole.Chair, src);
        Seat(_pctBoard, "Director of Commissioning", _commissioner, $"NHS {_area}", PartnerCategory.Pct, SeatRole.Member, src);
        Fill(_pctBoard, _rng.Int(8, 12), src, [PartnerCategory.Pct, PartnerCategory.Pct, PartnerCategory.Other], vacancies: false);

        if (_districtLsps is not null)
        {
            Seat(_districtLsps, "Chair", NewPerson(), $"{_districts[0]} District Council", PartnerCategory.DistrictCouncil, SeatRole.Chair, src);
            Fill(_districtLsps, _rng.Int(7, 11), src, [PartnerCategory.DistrictCouncil, PartnerCategory.Vcs, PartnerCategory.Police], district: _districts[^1]);
        }
    }

    // ---- person defects -----------------------------------------------------------------------------------------------

    /// <summary>A person listed twice on one body, and an ordinary member given seats on other bodies with no link between them.</summary>
    private void InjectPersonDefects()
    {
        var candidates = _rng.Shuffled(_plainSeats.Where(s => _bodyById[s.Body].Kind != BodyKind.TrustBoard && _seatsByBody[s.Body].Count < MaxSeats));
        var next = 0;
        if (_rng.Chance(_rates.ListedTwice) && next < candidates.Count)
        {
            var seat = candidates[next++];
            var key = PersonName.Key(seat.Person!);
            _listedTwicePeople.Add(key);
            var again = _rng.Int(0, 2) switch
            {
                0 => seat,
                1 => seat with { Person = (seat.PartnerCategory is PartnerCategory.Pct or PartnerCategory.Gp or PartnerCategory.NhsTrust ? "Dr " : "Mr ") + seat.Person },
                _ => seat with { Role = SeatRole.Advisor, Post = seat.Post + " (deputising)" },
            };
            _appendedSeats.Add(again);
        }
        if (_rng.Chance(_rates.UnlinkedSeats) && next < candidates.Count)
        {
            var seat = candidates[next++];
            var home = _bodyById[seat.Body];
            var arrangement = home.Arrangement ?? _rng.Pick(_arrangements).Id;
            var others = _bodies.Where(b => b.Id != home.Id && b.Kind != BodyKind.TrustBoard && (b.Arrangement is null || b.Arrangement == arrangement)
                && _seatsByBody[b.Id].Count < MaxSeats).ToList();
            _unlinkedPeople.Add(PersonName.Key(seat.Person!));
            foreach (var other in _rng.Sample(others, _rng.Int(1, 2)))
                _seatsByBody[other.Id].Add(seat with { Body = other.Id });
        }
    }

    // ---- expected findings --------------------------------------------------------------------------------------------

    /// <summary>
    /// The duplicated-membership and relevant-partner findings each arrangement should give, worked out from the seats as built
    /// by the rules of the data contract. A warning or error that no injected defect accounts for means the generator built
    /// something it did not intend, and it throws.
    /// </summary>
    private IEnumerable<ExpectedFinding> ExpectedFindings(AuthorityStructure structure)
    {
        var expected = new List<ExpectedFinding>();
        foreach (var arrangement in _arrangements)
        {
            var present = structure.BodiesIn(arrangement.Id).ToDictionary(b => b.Id);
            var seats = structure.Seats.Where(s => present.ContainsKey(s.Body)).ToList();
            var lines = structure.Lines.Where(l => present.ContainsKey(l.From) && present.ContainsKey(l.To)).Select(l => (l.From, l.To)).ToHashSet();
            FindingKey Key(string check, Severity severity, string subject, IEnumerable<string> bodies)
            {
                var sorted = bodies.Distinct().Order(StringComparer.Ordinal);
                return new FindingKey(_authority.Id, arrangement.Id, check, severity, subject, string.Join(';', sorted));
            }

            foreach (var person in seats.Where(s => s.Person is not null).GroupBy(s => PersonName.Key(s.Person!)))
            {
                var name = person.First().Person!;
                var byBody = person.GroupBy(s => s.Body).ToList();
                foreach (var twice in byBody.Where(g => g.Count() > 1))
                {
                    Intended(_listedTwicePeople.Contains(person.Key), $"{name} is listed twice on {twice.Key}");
                    expected.Add(new ExpectedFinding(Key(Checks.DuplicatedMembership, Severity.Warning, name, [twice.Key]), "listed-twice"));
                }
                if (byBody.Count < 2) continue;
                var chaired = person.Where(s => s.Role is SeatRole.Chair or SeatRole.ViceChair).Select(s => s.Body).ToHashSet();
                var unexplained = byBody.Count(g => !(g.All(s => !s.IsMembership)
                    || chaired.Any(c => c != g.Key && lines.Contains((c, g.Key)))
                    || (g.Any(s => s.Role == SeatRole.Advisor) && chaired.Any(c => c != g.Key && present[c].Kind == BodyKind.Advisory))));
                var unlinked = unexplained > 1;
                var senior = _seniorKeys.Contains(person.Key);
                Intended(senior || unlinked == _unlinkedPeople.Contains(person.Key), $"{name} on {string.Join(", ", byBody.Select(g => g.Key))}: {unexplained} unexplained seats");
                expected.Add(new ExpectedFinding(Key(Checks.DuplicatedMembership, unlinked ? Severity.Warning : Severity.Info, name, byBody.Select(g => g.Key)),
                    senior ? (unlinked ? "senior-pool" : "senior-pool-link") : unlinked ? "unlinked-seats" : "deliberate-link"));
            }

            var posts = seats.Where(s => s.Person is null && s.Post is not null && s.Agency is not null)
                .GroupBy(s => (s.Body, Post: s.Post!.ToLowerInvariant(), Agency: s.Agency!.ToLowerInvariant(), s.Role));
            foreach (var repeated in posts.Where(g => g.Count() > 1))
                Intended(false, $"post '{repeated.Key.Post}' repeated on {repeated.Key.Body}");
            var offices = seats.Where(s => s.Person is null && s.Post is not null && s.Agency is not null && s.IsFilled)
                .GroupBy(s => (PersonName.Key(s.Post!), PersonName.Key(s.Agency!)));
            foreach (var office in offices.Where(g => g.Select(s => s.Body).Distinct().Count() > 1))
                Intended(false, $"office '{office.Key}' on several bodies");

            var board = present.Values.Single(b => b.Kind == BodyKind.TrustBoard);
            var onBoard = seats.Where(s => s.Body == board.Id).ToList();
            var day = LawDay(arrangement);
            foreach (var partner in _partners)
            {
                var category = partner.Category;
                var held = onBoard.Where(s => s.PartnerCategory == category).ToList();
                var filled = held.Any(s => s.IsFilled);
                var subject = category.ToWord();
                ExpectedFinding? finding = null;
                if (!partner.InForceOn(day))
                {
                    if (partner.InForce > day && !filled)
                        finding = new(Key(Checks.MissingRelevantPartner, Severity.Info, subject, [board.Id]), "becomes-relevant");
                }
                else if (partner.AppliesToTier(_authority.Tier) == true && !filled)
                {
                    finding = held.Count > 0
                        ? new(Key(Checks.MissingRelevantPartner, Severity.Warning, subject, [board.Id]), "vacant-partner")
                        : partner.OnlyWhereExists
                            ? new(Key(Checks.MissingRelevantPartner, Severity.Info, subject, [board.Id]), "cannot-assess")
                            : new(Key(Checks.MissingRelevantPartner, day >= Law.BoardBecameStatutory ? Severity.Error : Severity.Warning, subject, [board.Id]), "missing-partner");
                }
                if (finding is null) continue;
                if (finding.Key.IsDefect) Intended(_partnerDefects.Contains((arrangement.Id, category)), $"{subject} on {board.Id}");
                expected.Add(finding);
            }
            foreach (var (a, category) in _partnerDefects.Where(d => d.Arrangement == arrangement.Id))
                Intended(expected.Any(e => e.Key.Check == Checks.MissingRelevantPartner && e.Key.Arrangement == a && e.Key.Subject == category.ToWord() && e.Key.IsDefect),
                    $"injected {category.ToWord()} defect on {board.Id} gives no finding");
        }
        foreach (var key in _unlinkedPeople.Concat(_listedTwicePeople))
            Intended(expected.Any(e => e.Key.IsDefect && e.Key.Check == Checks.DuplicatedMembership && PersonName.Key(e.Key.Subject) == key), $"injected defect for {key} gives no finding");
        return expected;
    }

    private void Intended(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException($"generator bug in {_authority.Id}: an unintended finding would arise ({what})");
    }

    // ---- building blocks ----------------------------------------------------------------------------------------------

    private SourceRef AddSource(string suffix, string title, string? publisher, string? date)
    {
        var id = $"{_authority.Id}-{suffix}";
        _sources.Add(new Source(id, title, publisher, date));
        return new SourceRef(id, null);
    }

    private Body AddBody(string id, string name, BodyKind kind, OnionLayer layer, string? arrangement, int? meets, SourceRef source)
    {
        var body = new Body(id, name, kind, layer, arrangement, meets, source with { Locator = $"p{_bodies.Count + 1}" });
        _bodies.Add(body);
        _bodyById.Add(id, body);
        _seatsByBody[id] = [];
        return body;
    }

    private void AddLine(string from, string to, AccountabilityKind kind, SourceRef source) =>
        _lines.Add(new AccountabilityLine(from, to, kind, source with { Locator = Paragraph(from) }));

    private void AddDuties(Body body)
    {
        var duties = Names.Duties[body.Kind];
        var count = body.Kind == BodyKind.TrustBoard ? duties.Length : _rng.Int(1, Math.Min(2, duties.Length));
        var chosen = body.Kind == BodyKind.TrustBoard ? duties.ToList() : _rng.Sample(duties, count);
        var theme = Names.Themes.FirstOrDefault(t => body.Id.StartsWith("tp-" + t.Id, StringComparison.Ordinal));
        foreach (var text in chosen)
        {
            Outcome? outcome = body.Kind == BodyKind.Thematic && theme.Id is not null ? theme.Outcome : body.Kind == BodyKind.TrustBoard && text.Contains("CYPP") ? Outcome.All : null;
            _duties.Add(new Duty(body.Id, text, outcome, body.Source));
        }
    }

    private void Seat(string body, string? post, string? person, string? agency, PartnerCategory? category, SeatRole role, SourceRef source,
        bool? voting = null, SeatStatus status = SeatStatus.Filled) =>
        _seatsByBody[body].Add(new Seat(body, post, person, agency, category, role, voting, status, source with { Locator = Paragraph(body) }));

    /// <summary>Where in its source a body is described (<c>p12</c>): its seats, lines and duties cite the same paragraph.</summary>
    private string Paragraph(string body) => _bodyById[body].Source.Locator!;

    /// <summary>Ordinary members, each on this body only: mostly named, some named only by post, a few vacant.</summary>
    private void Fill(string body, int count, SourceRef source, PartnerCategory[] mix, bool vacancies = true, string? district = null, bool councillors = false)
    {
        var postOnly = _seatsByBody[body].Where(s => s.Person is null).Select(s => (s.Post ?? "", s.Agency ?? "")).ToHashSet();
        for (var i = 0; i < count; i++)
        {
            var category = _rng.Pick(mix);
            var post = Post(category, district ?? (_districts.Count > 0 ? _rng.Pick(_districts) : null));
            var agency = _rng.Chance(0.3) && category is not (PartnerCategory.LocalAuthority or PartnerCategory.ElectedMember) ? null : Agency(category, district);
            var roll = _rng.Unit();
            var vacant = roll < 0.08;
            // A filled seat named only by post is one office: the same post of the same agency on two bodies would be one holder
            // on both, which the analyses report; such seats get a name instead.
            var unnamed = vacancies && roll < 0.14 && postOnly.Add((post, agency ?? ""))
                && (vacant || agency is null || _offices.Add((PersonName.Key(post), PersonName.Key(agency))));
            if (unnamed)
            {
                Seat(body, post, null, agency, category, SeatRole.Member, source, status: vacant ? SeatStatus.Vacant : SeatStatus.Filled);
                continue;
            }
            if (!councillors && _seniorPool.Count > 0 && _rng.Chance(SeniorShare) && SeniorNotOn(body) is string senior)
            {
                // One of the authority's senior people: never a candidate for an injected person defect.
                Seat(body, post, senior, agency, category, SeatRole.Member, source, voting: _rng.Chance(0.3) ? true : null);
                continue;
            }
            Seat(body, post, NewPerson(councillors), agency, category, SeatRole.Member, source, voting: _rng.Chance(0.3) ? true : null);
            _plainSeats.Add(_seatsByBody[body][^1]);
        }
    }

    /// <summary>The share of ordinary named seats a senior person takes, in the <see cref="NationShape.SeniorPool"/> shape.</summary>
    private const double SeniorShare = 0.7;

    /// <summary>A senior person from the pool not yet on <paramref name="body"/> (one person holds one seat), or null.</summary>
    private string? SeniorNotOn(string body)
    {
        var start = _rng.Int(0, _seniorPool.Count - 1);
        for (var i = 0; i < _seniorPool.Count; i++)
        {
            var candidate = _seniorPool[(start + i) % _seniorPool.Count];
            if (!_seatsByBody[body].Any(s => s.Person == candidate)) return candidate;
        }
        return null;
    }

    private string NewPerson(bool councillor = false)
    {
        while (true)
        {
            var name = $"{_rng.Pick(Names.FirstNames)} {_rng.Pick(Names.Surnames)}";
            if (_personKeys.Add(PersonName.Key(name))) return councillor ? "Cllr " + name : name;
        }
    }

    private string Post(PartnerCategory category, string? district) =>
        _rng.Pick(Names.Posts[category]).Replace("{area}", _area).Replace("{district}", district ?? _area).Replace("{region}", _region);

    private string? Agency(PartnerCategory category, string? district) => category switch
    {
        PartnerCategory.LocalAuthority or PartnerCategory.ElectedMember => _council,
        PartnerCategory.DistrictCouncil => $"{district ?? _districts.FirstOrDefault() ?? _area} District Council",
        PartnerCategory.Police => _police,
        PartnerCategory.Probation => $"{_area} Probation Trust",
        PartnerCategory.YouthOffending => $"{_area} Youth Offending Service",
        PartnerCategory.StrategicHealthAuthority => _region,
        PartnerCategory.Pct => $"NHS {_area}",
        PartnerCategory.NhsTrust => $"{_area} Hospitals NHS Foundation Trust",
        PartnerCategory.Connexions => $"Connexions {_area}",
        PartnerCategory.Lsc => "Learning and Skills Council",
        PartnerCategory.JobcentrePlus => "Jobcentre Plus",
        PartnerCategory.FeCollege => $"{_area} College",
        PartnerCategory.Vcs => _rng.Pick([$"{_area} CVS", "Barnardo's", "NSPCC", "Action for Children", "The Children's Society"]),
        PartnerCategory.ParentCarer => $"{_area} Parent Carer Forum",
        PartnerCategory.YoungPeople => $"{_area} Youth Council",
        _ => null,
    };
}
