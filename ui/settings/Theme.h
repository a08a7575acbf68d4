// Light or dark whatever the desktop says, or as the desktop says. Qt 6.4 cannot ask the
// platform for a colour scheme, so a chosen theme is Fusion with a palette of our own, and
// "follow the system" goes back to the style and palette the app started with.
#pragma once

#include "settings/AppSettings.h"

namespace rapport::ui {

void applyTheme(AppSettings::Theme theme);
// Whether the application's palette is a dark one (text lighter than the window).
bool isDarkPalette();

}  // namespace rapport::ui
