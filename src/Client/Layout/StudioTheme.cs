using MudBlazor;

namespace MelanoGans.Client.Layout;

/// <summary>The studio's colours: a skin-tone primary on neutral surfaces, in light and dark.</summary>
public static class StudioTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#8d4b2f",
            Secondary = "#5c6b73",
            AppbarBackground = "#5a2e1c",
            Background = "#faf7f5",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#e0a07f",
            Secondary = "#9fb3bd",
            AppbarBackground = "#2b1a12",
        },
    };
}
