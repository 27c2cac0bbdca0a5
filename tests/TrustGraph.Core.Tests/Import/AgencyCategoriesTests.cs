using TrustGraph.Import;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Import;

public class AgencyCategoriesTests
{
    private static PartnerCategory? Infer(string? agency, string? post = null, string? person = null, AuthorityTier? tier = AuthorityTier.County) =>
        AgencyCategories.Default.Infer(agency, post, person, tier)?.Category;

    [Theory]
    [InlineData("Suffolk Constabulary", PartnerCategory.Police)]
    [InlineData("North Yorkshire Police", PartnerCategory.Police)]
    [InlineData("Great Yarmouth and Waveney PCT", PartnerCategory.Pct)]
    [InlineData("North Yorkshire and York Primary Care Trust", PartnerCategory.Pct)]
    [InlineData("NHS Suffolk", PartnerCategory.Pct)]
    [InlineData("Calderdale and Huddersfield NHS Foundation Trust", PartnerCategory.NhsTrust)]
    [InlineData("Ipswich Hospital NHS Trust", PartnerCategory.NhsTrust)]
    [InlineData("Jobcentre Plus", PartnerCategory.JobcentrePlus)]
    [InlineData("Suffolk Probation", PartnerCategory.Probation)]
    [InlineData("Calderdale YOT", PartnerCategory.YouthOffending)]
    [InlineData("Connexions Suffolk", PartnerCategory.Connexions)]
    [InlineData("Learning and Skills Council", PartnerCategory.Lsc)]
    [InlineData("Learning Skills Council", PartnerCategory.Lsc)]
    [InlineData("Forest Heath District Council", PartnerCategory.DistrictCouncil)]
    [InlineData("St Edmundsbury Borough Council", PartnerCategory.DistrictCouncil)]
    [InlineData("Suffolk New College", PartnerCategory.FeCollege)]
    [InlineData("Thomas Gainsborough Academy", PartnerCategory.Academy)]
    [InlineData("Northgate High School", PartnerCategory.MaintainedSchool)]
    [InlineData("York Council for Voluntary Service", PartnerCategory.Vcs)]
    [InlineData("Suffolk County Council", PartnerCategory.LocalAuthority)]
    [InlineData("Calderdale Metropolitan Borough Council", PartnerCategory.LocalAuthority)]
    [InlineData("York Youth Council", PartnerCategory.YoungPeople)]
    [InlineData("Parent Partnership Service", PartnerCategory.ParentCarer)]
    public void The_organisation_name_suggests_the_partner_category(string agency, PartnerCategory category) =>
        Assert.Equal(category, Infer(agency));

    [Fact]
    public void A_councillor_is_an_elected_member_whatever_council_they_come_from() =>
        Assert.Equal(PartnerCategory.ElectedMember, Infer("Suffolk County Council", "Portfolio Holder for Children"));

    [Fact]
    public void Cllr_in_the_name_marks_an_elected_member() =>
        Assert.Equal(PartnerCategory.ElectedMember, Infer("Suffolk County Council", "Board member", "Cllr Ann Lee"));

    [Fact]
    public void A_head_teacher_represents_maintained_schools_even_when_employed_by_the_council() =>
        Assert.Equal(PartnerCategory.MaintainedSchool, Infer(null, "Secondary Headteacher representative"));

    [Fact]
    public void A_borough_council_outside_a_county_is_the_authority_itself() =>
        Assert.Equal(PartnerCategory.LocalAuthority, Infer("Kirklees Borough Council", tier: AuthorityTier.Metropolitan));

    [Theory]
    [InlineData("Policy Officer", null)]
    [InlineData("Children's Trust Partnership", null)]
    [InlineData("Elsewhere Trust", null)]
    public void Words_match_whole_so_policy_is_not_police_and_a_trust_is_not_a_charity(string agency, PartnerCategory? category) =>
        Assert.Equal(category, Infer(agency));

    [Fact]
    public void The_inference_says_which_words_it_came_from()
    {
        var inference = AgencyCategories.Default.Infer("Suffolk Constabulary", "Chief Inspector", null, AuthorityTier.County)!;

        Assert.Equal("inferred from \"Constabulary\" in the agency \"Suffolk Constabulary\"", inference.Explain());
    }

    [Fact]
    public void The_shipped_pattern_table_loads_without_errors() =>
        Assert.NotEmpty(AgencyCategories.Default.Patterns);
}
