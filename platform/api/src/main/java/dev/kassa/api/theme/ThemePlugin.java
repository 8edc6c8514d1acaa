package dev.kassa.api.theme;

import org.pf4j.Plugin;

/**
 * A plugin class for theme plugins, which have nothing to start or stop: name it as the jar's
 * {@code Plugin-Class} ({@code dev.kassa.api.theme.ThemePlugin}) and the plugin needs no class of
 * its own besides its {@link Theme}. The platform provides this class, so the plugin must not
 * bundle it (keep {@code kassa-api} {@code provided}).
 */
public class ThemePlugin extends Plugin {
}
