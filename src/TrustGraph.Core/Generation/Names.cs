using TrustGraph.Model;

namespace TrustGraph.Generation;

/// <summary>
/// The words synthetic structures are made of: invented place names, people's names, and the posts, themes and
/// duties that Children's Trust papers of 2004-2010 use. Places are invented so that no real authority is misdescribed.
/// </summary>
internal static class Names
{
    public static readonly string[] PlaceStarts =
    [
        "Ash", "Bar", "Black", "Brad", "Bram", "Brook", "Cal", "Castle", "Chal", "Clay", "Cold", "Crow", "Dun", "East",
        "Elm", "Fair", "Fern", "Glen", "Green", "Hal", "Hart", "Hay", "High", "Holm", "Kings", "Lang", "Lea", "Long",
        "Mar", "Mill", "Moor", "New", "North", "Oak", "Old", "Pen", "Red", "Rich", "Ross", "Rother", "Salt", "Sand",
        "Shaw", "South", "Stan", "Stone", "Thorn", "Wake", "Wal", "West", "Whit", "Wick", "Wood", "Wor",
    ];

    public static readonly string[] PlaceEnds =
    [
        "bury", "by", "caster", "chester", "cliffe", "combe", "dale", "don", "field", "ford", "gate", "ham", "hampton",
        "holme", "hurst", "ington", "ley", "mere", "minster", "mouth", "port", "stead", "stow", "thorpe", "ton", "wich", "worth",
    ];

    public static readonly string[] FirstNames =
    [
        "Adam", "Alan", "Alison", "Amanda", "Andrew", "Angela", "Anne", "Anthony", "Barbara", "Brian", "Carol", "Caroline",
        "Catherine", "Christine", "Christopher", "Claire", "Colin", "Daniel", "David", "Deborah", "Derek", "Diane", "Elaine",
        "Elizabeth", "Emma", "Fiona", "Frances", "Gary", "Geoffrey", "Gillian", "Graham", "Hazel", "Helen", "Ian", "Jacqueline",
        "James", "Jane", "Janet", "Jennifer", "Jill", "Joanne", "John", "Jonathan", "Julia", "Julie", "Karen", "Kate", "Keith",
        "Kevin", "Linda", "Lisa", "Lorraine", "Louise", "Lynn", "Malcolm", "Margaret", "Mark", "Martin", "Mary", "Matthew",
        "Michael", "Michelle", "Neil", "Nicholas", "Nicola", "Nigel", "Pamela", "Patricia", "Paul", "Pauline", "Peter",
        "Philip", "Rachel", "Richard", "Robert", "Roger", "Rosalind", "Ruth", "Sally", "Samantha", "Sandra", "Sarah", "Sharon",
        "Simon", "Stephen", "Steven", "Susan", "Suzanne", "Teresa", "Timothy", "Tracey", "Valerie", "Wendy", "William", "Yvonne",
        "Adrian", "Bernadette", "Clive", "Dawn", "Eileen", "Gail", "Gordon", "Heather", "Imran", "Jasmin", "Kamal", "Leroy",
        "Marcia", "Nadia", "Priya", "Rajesh", "Shirin", "Tariq", "Usha", "Winston",
    ];

    public static readonly string[] Surnames =
    [
        "Adams", "Allen", "Anderson", "Atkinson", "Bailey", "Baker", "Barker", "Barnes", "Bell", "Bennett", "Brooks", "Brown",
        "Butler", "Campbell", "Carter", "Chapman", "Clark", "Clarke", "Collins", "Cook", "Cooper", "Cox", "Davies", "Davis",
        "Dixon", "Edwards", "Ellis", "Evans", "Fisher", "Fletcher", "Foster", "Fox", "Gibson", "Graham", "Gray", "Green",
        "Griffiths", "Hall", "Harris", "Harrison", "Hill", "Holmes", "Hughes", "Hunt", "Hunter", "Jackson", "James", "Jenkins",
        "Johnson", "Jones", "Kelly", "Kennedy", "King", "Knight", "Lee", "Lewis", "Lloyd", "Marshall", "Martin", "Mason",
        "Matthews", "Miller", "Mills", "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Murray", "Owen", "Palmer", "Parker",
        "Patel", "Pearson", "Phillips", "Powell", "Price", "Richards", "Richardson", "Roberts", "Robinson", "Rogers", "Russell",
        "Scott", "Shaw", "Simpson", "Smith", "Spencer", "Stevens", "Stewart", "Taylor", "Thomas", "Thompson", "Turner",
        "Walker", "Ward", "Watson", "Webb", "White", "Wilkinson", "Williams", "Wilson", "Wood", "Wright", "Young", "Ahmed",
        "Begum", "Chaudhry", "Francis", "Hussain", "Khan", "Mensah", "Okafor", "Singh", "Sharma", "Nwosu", "O'Brien", "McDonald",
    ];

    public static readonly string[] Regions =
    [
        "NHS North East", "NHS North West", "NHS Yorkshire and the Humber", "NHS East Midlands", "NHS West Midlands",
        "NHS East of England", "NHS South East Coast", "NHS South Central", "NHS South West",
    ];

    public static readonly string[] LocalityDirections = ["North", "South", "East", "West", "Central", "North East", "South West", "Inner", "Outer"];

    /// <summary>Thematic partnerships, each with the sub-groups that usually report to it.</summary>
    public static readonly (string Id, string Name, Outcome Outcome, string[] SubGroups)[] Themes =
    [
        ("healthy", "Be Healthy Partnership", Outcome.BeHealthy, ["Teenage Pregnancy", "CAMHS", "Healthy Schools", "Substance Misuse"]),
        ("safe", "Staying Safe Partnership", Outcome.StaySafe, ["Anti-bullying", "Domestic Violence", "Road Safety"]),
        ("achieve", "Enjoy and Achieve Partnership", Outcome.EnjoyAndAchieve, ["Narrowing the Gap", "Extended Services", "Play and Leisure"]),
        ("contribution", "Positive Contribution Partnership", Outcome.PositiveContribution, ["Youth Crime Prevention", "Participation"]),
        ("14-19", "14-19 and Economic Well-being Partnership", Outcome.EconomicWellBeing, ["NEET Reduction", "Child Poverty", "Apprenticeships"]),
        ("early-help", "Early Intervention and Prevention Partnership", Outcome.All, ["Common Assessment Framework", "Parenting Support"]),
        ("disabled", "Children with Disabilities Partnership", Outcome.All, ["Short Breaks", "Transitions"]),
        ("workforce", "Integrated Workforce Partnership", Outcome.All, ["Workforce Development"]),
    ];

    /// <summary>Posts by the partner agency they represent; {area}, {district} and {region} are filled in.</summary>
    public static readonly Dictionary<PartnerCategory, string[]> Posts = new()
    {
        [PartnerCategory.LocalAuthority] =
        [
            "Assistant Director, Children's Social Care", "Assistant Director, Learning and Achievement", "Assistant Director, Commissioning and Partnerships",
            "Head of Integrated Youth Support", "Head of Early Years and Childcare", "Head of Children's Centres", "Head of Special Educational Needs",
            "Head of Finance, Children's Services", "Principal Educational Psychologist", "Head of Safeguarding and Quality Assurance",
            "Performance and Information Manager", "Head of Extended Services", "Head of Family Support", "Housing Services Manager",
            "Head of Leisure and Culture", "Head of 14-19 Strategy", "Workforce Development Manager", "Head of Access and Inclusion",
            "Head of School Improvement", "Service Manager, Looked After Children", "Head of Planning and Commissioning", "Policy Officer",
        ],
        [PartnerCategory.ElectedMember] =
        [
            "Deputy Leader", "Cabinet Member for Adult Social Care", "Cabinet Member for Finance", "Cabinet Member for Housing",
            "Cabinet Member for Community Safety", "Cabinet Member for Environment", "Cabinet Member for Culture and Leisure",
            "Cabinet Member for Regeneration", "Chair, Children's Scrutiny Committee", "Opposition Spokesperson for Children",
        ],
        [PartnerCategory.DistrictCouncil] = ["Chief Executive, {district} District Council", "Head of Housing, {district} District Council", "Community Development Manager, {district} District Council"],
        [PartnerCategory.Police] = ["Divisional Commander", "Detective Chief Inspector, Public Protection", "Superintendent, Partnerships", "Chief Inspector, Neighbourhood Policing"],
        [PartnerCategory.Probation] = ["Assistant Chief Officer, Probation", "Area Manager, Probation"],
        [PartnerCategory.YouthOffending] = ["Head of Youth Offending Service", "YOS Operational Manager"],
        [PartnerCategory.StrategicHealthAuthority] = ["Director of Public Health and Strategy, {region}", "Children's Lead, {region}"],
        [PartnerCategory.Pct] =
        [
            "Director of Commissioning", "Director of Public Health", "Designated Nurse, Safeguarding Children", "Head of Children's Commissioning",
            "Director of Finance, NHS {area}", "Associate Director, Children and Maternity", "Director of Provider Services",
        ],
        [PartnerCategory.NhsTrust] = ["Director of Nursing, {area} Hospitals", "Clinical Director, Paediatrics", "Head of CAMHS", "Named Doctor, Safeguarding"],
        [PartnerCategory.Gp] = ["GP representative", "Practice-based Commissioning Lead"],
        [PartnerCategory.Connexions] = ["Chief Executive, Connexions {area}", "Connexions Area Manager"],
        [PartnerCategory.Lsc] = ["Partnership Director, Learning and Skills Council", "Area Director, Learning and Skills Council"],
        [PartnerCategory.JobcentrePlus] = ["District Manager, Jobcentre Plus", "Partnership Manager, Jobcentre Plus"],
        [PartnerCategory.MaintainedSchool] = ["Primary headteacher representative", "Secondary headteacher representative", "Governor representative", "Chair of Schools Forum"],
        [PartnerCategory.SpecialSchool] = ["Non-maintained special school representative"],
        [PartnerCategory.Academy] = ["Academy principal representative"],
        [PartnerCategory.FeCollege] = ["Principal, {area} College", "Sixth form college principal"],
        [PartnerCategory.Vcs] = ["Chief Executive, {area} CVS", "VCS representative", "Chair, Children's Voluntary Sector Forum", "Director of Children's Services, Barnardo's"],
        [PartnerCategory.ParentCarer] = ["Parent/carer representative", "Chair, Parent Carer Forum"],
        [PartnerCategory.YoungPeople] = ["Youth Council representative", "Member of Youth Parliament"],
        [PartnerCategory.Other] = ["Area Manager, Fire and Rescue Service", "CAFCASS Service Manager", "Housing association representative", "Chair, Chamber of Commerce"],
    };

    /// <summary>What a body of each kind is recorded as doing; the board's first duty names the plan it owns.</summary>
    public static readonly Dictionary<BodyKind, string[]> Duties = new()
    {
        [BodyKind.Lsp] = ["Agree the Sustainable Community Strategy", "Agree and monitor the Local Area Agreement", "Hold thematic partnerships to account for LAA targets"],
        [BodyKind.TrustBoard] = ["Agree and own the Children and Young People's Plan (CYPP)", "Set strategic priorities for children's services", "Hold partners to account under the duty to co-operate", "Agree pooled and aligned budgets"],
        [BodyKind.Executive] = ["Manage delivery of the CYPP", "Monitor performance against LAA children's targets", "Prepare business for the Board", "Resolve cross-agency blockages"],
        [BodyKind.Commissioning] = ["Commission services against the CYPP priorities", "Manage pooled budgets under section 75 agreements", "Develop the joint commissioning strategy"],
        [BodyKind.Thematic] = ["Deliver the outcome's action plan", "Report progress to the Executive", "Identify gaps in provision"],
        [BodyKind.Locality] = ["Plan services for children in the locality", "Co-ordinate multi-agency support through the CAF", "Engage schools and children's centres"],
        [BodyKind.Safeguarding] = ["Co-ordinate safeguarding work of partners (Children Act 2004 s14)", "Review child deaths and serious cases", "Publish safeguarding procedures"],
        [BodyKind.Advisory] = ["Bring children's and families' views to the Board", "Advise on participation in commissioning"],
        [BodyKind.Support] = ["Service the Board and Executive", "Co-ordinate performance information", "Support partnership development"],
        [BodyKind.Network] = ["Share practice across providers", "Feed provider views into commissioning"],
        [BodyKind.AgencyGovernance] = ["Approve the agency's contribution to pooled budgets", "Scrutinise the agency's children's services"],
        [BodyKind.SubGroup] = ["Deliver the sub-group's work programme", "Report to its partnership"],
    };
}
