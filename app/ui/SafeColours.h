// The colours that carry a meaning in the window: the pane's marked line (about to run,
// blocked), the sequence diagram's blocked bars and arrows, a lesson's progress. They come
// from Okabe & Ito's palette, which stays apart for the one learner in twelve with red-green
// colour blindness, and each meaning is also given by a word or a pattern (the tag on the
// marked line, hatching, dashes), so no one needs the colour to read it.
#pragma once

#include <QColor>

namespace safecolour {

// The pane's marked line: the light fill of the line, and a strong edge and tag colour.
inline QColor nextLine() { return QColor(0xbf, 0xdf, 0xf7); }        // sky blue, light: about to run
inline QColor nextLineStrong() { return QColor(0x00, 0x72, 0xb2); }  // blue
inline QColor blockedLine() { return QColor(0xf7, 0xd0, 0x9a); }     // orange, light: blocked in a call
inline QColor blockedLineStrong() { return QColor(0xb3, 0x4d, 0x00); }  // vermillion, darkened for text
inline QColor otherThreadLine() { return QColor(0xe3, 0xe3, 0xe3); }  // another thread's line: grey

// The sequence diagram.
inline QColor blocked() { return QColor(0xc0, 0x4a, 0x00); }    // hatched bars: vermillion
inline QColor connect() { return QColor(0x00, 0x5f, 0x9e); }    // dashed arrows: blue
inline QColor stream() { return QColor(0x00, 0x7a, 0x5e); }     // solid arrows: bluish green
inline QColor datagram() { return QColor(0x9e, 0x3d, 0x84); }   // dotted arrows: reddish purple
inline QColor failed() { return QColor(0xa0, 0x30, 0x00); }     // a failed call's frame, with ✗ and the error

// A lesson's progress in the navigator (with "✓ completed" in words).
inline QColor completed() { return QColor(0x00, 0x7a, 0x5e); }
inline QColor inProgress() { return QColor(0x00, 0x72, 0xb2); }

} // namespace safecolour
