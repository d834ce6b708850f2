using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Tests.Contracts;

public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData("/studies", "/studies")]
    [InlineData("/admin/users?tab=2", "/admin/users?tab=2")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("studies", "/")]
    [InlineData("/a\nb", "/")]
    public void Only_local_paths_survive(string? input, string expected) =>
        Assert.Equal(expected, LocalReturnUrl.Sanitise(input));
}
