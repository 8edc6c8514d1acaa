package dev.kassa.theme.french;

import dev.kassa.api.theme.BundledTheme;
import dev.kassa.api.theme.ThemeInfo;
import org.pf4j.Extension;

/**
 * The French texts, under {@code theme/french/messages/fr.properties} of this jar. A child of
 * {@code english}: every template and the CSS come from there, so a fix to a page reaches both
 * languages at once.
 */
@Extension
public class FrenchTheme extends BundledTheme {
    public FrenchTheme() {
        super(ThemeInfo.child("french", "english", "fr"));
    }
}
