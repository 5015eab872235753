/// The versions of the compiler's plugin protocol this plugin speaks.
///
/// The plugin answers `getCapability` with ``current``; the host tells its own version in the
/// same message. Every version-dependent choice in the plugin is named here.
public enum ProtocolVersion {
  /// The version this plugin implements: 7, as swift-syntax 603 sends (it added the
  /// extension-macro conformance list). Swift 6.3.1 hosts send 7 as well.
  public static let current = 7

  /// The first host version that accepts the unified `expandMacroResult` reply. Older hosts get
  /// `expandFreestandingMacroResult` / `expandAttachedMacroResult` instead.
  public static let unifiedExpansionResult = 5

  /// Optional features the plugin advertises. None: `load-plugin-library` is for library
  /// plugins, and an executable plugin that does not advertise it never receives that message.
  public static let features: [String] = []
}
