package dev.kassa.theme.english;

import dev.kassa.api.theme.BundledTheme;
import dev.kassa.api.theme.ThemeInfo;
import org.pf4j.Extension;

/**
 * Kassa's base theme: every page and e-mail template, the CSS, and the English texts, all under
 * {@code theme/english/} of this jar. Other themes are its children.
 */
@Extension
public class EnglishTheme extends BundledTheme {
    public EnglishTheme() {
        super(ThemeInfo.base("english", "en"));
    }
}
