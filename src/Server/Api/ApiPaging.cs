namespace MelanoGans.Server.Api;

/// <summary><c>?page=&amp;pageSize=</c> on every list: pages from 1, at most <see cref="MaxPageSize"/> items a page.</summary>
internal static class ApiPaging
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    /// <summary>The page, or a 400 naming the parameter out of range.</summary>
    public static IResult Slice<T>(IReadOnlyList<T> all, int? page, int? pageSize)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (number < 1) return ApiProblems.Invalid("page", "'page' counts from 1.");
        if (size is < 1 or > MaxPageSize) return ApiProblems.Invalid("pageSize", $"'pageSize' must be between 1 and {MaxPageSize}.");
        var items = all.Skip((int)Math.Min((long)(number - 1) * size, int.MaxValue)).Take(size).ToList();
        return TypedResults.Ok(new Paged<T>(items, number, size, all.Count));
    }
}
