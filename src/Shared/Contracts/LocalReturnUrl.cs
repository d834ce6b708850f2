namespace MelanoGans.Shared.Contracts;

/// <summary>Keeps post-login redirects on this site (no open redirect to another host).</summary>
public static class LocalReturnUrl
{
    /// <summary>The URL if it is a local path such as <c>/studies</c>, otherwise <c>/</c>.</summary>
    public static string Sanitise(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url[0] != '/') return "/";
        // "//host" and "/\host" are protocol-relative URLs to another site.
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\')) return "/";
        return url.Any(char.IsControl) ? "/" : url;
    }
}
