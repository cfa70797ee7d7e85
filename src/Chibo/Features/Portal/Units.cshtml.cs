using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Chibo.Features.Portal;

/// <summary>Các đơn vị: the portal's organisations as a tree.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class UnitsModel(PortalQueries portal) : PageModel
{
    public IReadOnlyList<PortalUnit> Units { get; private set; } = [];

    public async Task OnGetAsync() => Units = [.. (await portal.UnitsAsync()).OrderBy(u => u.Path.Length).ThenBy(u => u.Name)];
}
