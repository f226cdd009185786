namespace Compersion.Core.Kindness;

/// <summary>What kind of act of kindness it was. Stored and shown by its lowercase name (<see cref="KindnessNames"/>).</summary>
public enum KindCategory
{
    /// <summary>Not recognised; the digest asks about it kindly.</summary>
    Unclassified = 0,

    /// <summary>Thanks, compliments, encouragement, notes, kind messages.</summary>
    Words,

    /// <summary>Attention, company, listening, visits, calls.</summary>
    Time,

    /// <summary>Chores, errands, favours, carrying, lifts.</summary>
    Help,

    /// <summary>Giving a thing (neither food nor money).</summary>
    Gift,

    /// <summary>Cooking, baking, bringing or sharing food and drink.</summary>
    Food,

    /// <summary>Paying it forward, paying for someone, tipping, donating, lending.</summary>
    Generosity,

    /// <summary>Teaching, fixing, mentoring: know-how given away.</summary>
    Skill,

    /// <summary>Volunteering, the environment, civic care.</summary>
    Community,
}
