namespace Compersion.Core.Prompts;

/// <summary>How far back a resurfaced memory reaches, in the order they are preferred.</summary>
internal enum MemoryKind
{
    /// <summary>The same date a year earlier.</summary>
    YearAgo = 0,

    /// <summary>The same day of the month, a month earlier.</summary>
    MonthAgo = 1,

    /// <summary>The same weekday, a week earlier.</summary>
    WeekAgo = 2,

    /// <summary>Any earlier date, chosen at random (deterministically).</summary>
    Earlier = 3,
}
