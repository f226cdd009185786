using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;

namespace Compersion.Core.Tests.Subscribers;

public sealed class SignUpGoalTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("3", 3)]
    [InlineData(" 14 ", 14)]
    [InlineData(null, Subscriber.DefaultKindnessGoal)]
    [InlineData("", Subscriber.DefaultKindnessGoal)]
    public void TryCreate_GoalInRangeOrBlank_KeepsItOrTheDefault(string? goal, int expected)
    {
        var created = SignUpRequest.TryCreate("alex@example.org", "Europe/Berlin", "20:00", null, null, goal, out var request, out var error);

        Assert.True(created, error);
        Assert.Equal(expected, request!.KindnessGoal);
    }

    [Theory]
    [InlineData("15")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("1.5")]
    public void TryCreate_GoalOutOfRangeOrNotANumber_FailsNamingTheRange(string goal)
    {
        var created = SignUpRequest.TryCreate("alex@example.org", "Europe/Berlin", "20:00", null, null, goal, out var request, out var error);

        Assert.False(created);
        Assert.Null(request);
        Assert.Contains("from 0 to 14", error, StringComparison.Ordinal);
    }
}
