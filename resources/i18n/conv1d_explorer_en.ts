<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n channel</numerusform>
            <numerusform>%n channels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n filter(s)</source>
        <translation>
            <numerusform>%n filter</numerusform>
            <numerusform>%n filters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n layer</numerusform>
            <numerusform>%n layers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditingController</name>
    <message numerus="yes">
        <source>%n value(s) did not fit and were left out.</source>
        <translation>
            <numerusform>%n value did not fit and was left out.</numerusform>
            <numerusform>%n values did not fit and were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message numerus="yes">
        <source>Rendering %n frame(s)…</source>
        <translation>
            <numerusform>Rendering %n frame…</numerusform>
            <numerusform>Rendering %n frames…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MathPanel</name>
    <message numerus="yes">
        <source>… %n more term(s) …</source>
        <translation>
            <numerusform>… %n more term …</numerusform>
            <numerusform>… %n more terms …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more channel(s)</source>
        <translation>
            <numerusform>%n more channel</numerusform>
            <numerusform>%n more channels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n term(s)</source>
        <translation>
            <numerusform>%n term</numerusform>
            <numerusform>%n terms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Σ %n tap(s)</source>
        <translation>
            <numerusform>Σ %n tap</numerusform>
            <numerusform>Σ %n taps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n term(s)</source>
        <translation>
            <numerusform>Show all %n terms</numerusform>
            <numerusform>Show all %n terms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more filter(s)</source>
        <translation>
            <numerusform>%n more filter</numerusform>
            <numerusform>%n more filters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more kernel position(s)</source>
        <translation>
            <numerusform>%n more kernel position</numerusform>
            <numerusform>%n more kernel positions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n input step(s) reach it: {steps} ({note})</source>
        <translation>
            <numerusform>%n input step reaches it: {steps} ({note})</numerusform>
            <numerusform>%n input steps reach it: {steps} ({note})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShapesPanel</name>
    <message numerus="yes">
        <source>Padding &apos;{p}&apos;: %n zero(s) on the left</source>
        <translation>
            <numerusform>Padding &apos;{p}&apos;: %n zero on the left</numerusform>
            <numerusform>Padding &apos;{p}&apos;: %n zeros on the left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n on the right.</source>
        <translation>
            <numerusform>, %n on the right.</numerusform>
            <numerusform>, %n on the right.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keras keeps output steps {start}…{stop} of the full scatter: it crops %n step(s) on the left</source>
        <translation>
            <numerusform>Keras keeps output steps {start}…{stop} of the full scatter: it crops %n step on the left</numerusform>
            <numerusform>Keras keeps output steps {start}…{stop} of the full scatter: it crops %n steps on the left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keras keeps the full scatter from step {start} and adds %n zero step(s) at the end (output_padding).</source>
        <translation>
            <numerusform>Keras keeps the full scatter from step {start} and adds %n zero step at the end (output_padding).</numerusform>
            <numerusform>Keras keeps the full scatter from step {start} and adds %n zero steps at the end (output_padding).</numerusform>
        </translation>
    </message>
</context>
</TS>
