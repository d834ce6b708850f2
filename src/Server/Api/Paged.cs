namespace MelanoGans.Server.Api;

/// <summary>One page of a list: the items, where the page lies, and how many items the whole list has.</summary>
/// <param name="Items">The items of this page, in the list's order.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Items per page asked for.</param>
/// <param name="Total">Items in the whole list.</param>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
