/**
 * Themes of the client area: the templates, message bundles, CSS, images and e-mail templates
 * customers see, contributed by plugins.
 *
 * <p>A theme plugin contributes one {@link dev.kassa.api.theme.Theme} extension, usually by
 * extending {@link dev.kassa.api.theme.BundledTheme}, and ships its files inside its own jar under
 * {@code theme/<id>/}. A theme may name a parent: what it does not have itself is taken from the
 * parent, then from the parent's parent. Kassa's base theme {@code english} has every template and
 * the English texts; {@code french} is its child with the French texts; a tenant's own theme is a
 * child of either that overrides a template, a text or the CSS. The plugin's manifest may name
 * {@link dev.kassa.api.theme.ThemePlugin} as its {@code Plugin-Class}, so that a theme needs no
 * Java code beyond its extension.
 *
 * <p>The files, relative to the theme's root:
 * <ul>
 * <li>{@code templates/<name>.html}: pages and fragments (Thymeleaf 3.1 HTML templates), for
 * example {@code templates/layout.html}, {@code templates/sign-in.html};</li>
 * <li>{@code templates/mail/<name>.subject.txt}, {@code templates/mail/<name>.txt},
 * {@code templates/mail/<name>.html}: an e-mail's subject, plain text and HTML body;</li>
 * <li>{@code messages/<locale>.properties}: the texts for one locale ({@code messages/fr.properties}),
 * read as UTF-8;</li>
 * <li>{@code static/<file>}: CSS, images and fonts, served to browsers as they are
 * ({@code static/theme.css}).</li>
 * </ul>
 * Nothing in this package depends on Thymeleaf: a theme hands over files, the platform renders them.
 */
package dev.kassa.api.theme;
