using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Scale;

/// <summary>The vocabulary's words are what the files use; changing how they are looked up must not change them.</summary>
public sealed class VocabularyTests
{
    [Fact]
    public void Every_value_of_every_enumeration_reads_back_from_its_word()
    {
        RoundTrip<AuthorityTier>(); RoundTrip<BodyKind>(); RoundTrip<OnionLayer>(); RoundTrip<ArrangementStatus>(); RoundTrip<SeatRole>();
        RoundTrip<SeatStatus>(); RoundTrip<PartnerCategory>(); RoundTrip<AccountabilityKind>(); RoundTrip<Outcome>();
    }

    [Fact]
    public void Words_are_lower_case_and_hyphenated()
    {
        Assert.Equal("trust-board", BodyKind.TrustBoard.ToWord());
        Assert.Equal("agency-governance", BodyKind.AgencyGovernance.ToWord());
        Assert.Equal("london-borough", AuthorityTier.LondonBorough.ToWord());
        Assert.Equal("jobcentre-plus", PartnerCategory.JobcentrePlus.ToWord());
    }

    [Fact]
    public void Words_are_matched_exactly_and_listed_in_declaration_order()
    {
        Assert.False(Vocabulary<SeatRole>.TryParse("Chair", out _));
        Assert.False(Vocabulary<SeatRole>.TryParse(" chair", out _));
        Assert.True(Vocabulary<SeatRole>.TryParse("vice-chair", out var role));
        Assert.Equal(SeatRole.ViceChair, role);
        Assert.Equal("chair, vice-chair, member, advisor, in-attendance, observer, secretariat", Vocabulary<SeatRole>.AllowedList);
        Assert.Throws<KeyNotFoundException>(() => ((SeatRole)99).ToWord());
    }

    private static void RoundTrip<TEnum>() where TEnum : struct, Enum
    {
        Assert.Equal(Enum.GetValues<TEnum>().Length, Vocabulary<TEnum>.Words.Count);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            Assert.True(Vocabulary<TEnum>.TryParse(value.ToWord(), out var parsed));
            Assert.Equal(value, parsed);
        }
    }
}
