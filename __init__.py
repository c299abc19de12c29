"""Complete Community (完整居住社区): a QGIS plugin that checks residential communities against
the Complete Community Construction Guide (《完整居住社区建设指南》, MOHURD 2021)."""


def classFactory(iface):  # noqa: N802 (name required by QGIS)
    """Entry point QGIS calls to create the plugin."""
    from .plugin import CompleteCommunityPlugin

    return CompleteCommunityPlugin(iface)
