"""Model fields that store taxonomy codes (labels always come from :mod:`cms.taxonomies`)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from .taxonomies import vocabulary


class CodeField(models.CharField):
    """One code of a vocabulary. Migrations record the vocabulary name, not its labels."""

    def __init__(self, *args, vocabulary: str, **kwargs):
        self.vocabulary_name = vocabulary
        kwargs.setdefault("max_length", 64)
        kwargs["choices"] = lambda: self.vocabulary.choices()
        super().__init__(*args, **kwargs)

    @property
    def vocabulary(self):
        return vocabulary(self.vocabulary_name)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("choices", None)
        kwargs["vocabulary"] = self.vocabulary_name
        return name, path, args, kwargs


class CodeListField(models.JSONField):
    """An ordered list of distinct codes of one vocabulary, stored as a JSON array."""

    def __init__(self, *args, vocabulary: str, **kwargs):
        self.vocabulary_name = vocabulary
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    @property
    def vocabulary(self):
        return vocabulary(self.vocabulary_name)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["vocabulary"] = self.vocabulary_name
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
            raise ValidationError("Expected a list of codes.", code="invalid")
        if len(set(value)) != len(value):
            raise ValidationError("Codes must not repeat.", code="invalid")
        self.vocabulary.validate(value)

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.vocabulary.choices(),
            "required": not self.blank,
            "widget": forms.CheckboxSelectMultiple if len(self.vocabulary) <= 30 else forms.SelectMultiple(attrs={"size": 12}),
        }
        defaults.update(kwargs)
        # JSONField.formfield would force a JSON text input: build the field directly.
        form_class = defaults.pop("form_class")
        defaults.pop("encoder", None)
        defaults.pop("decoder", None)
        return form_class(
            label=self.verbose_name.capitalize() if self.verbose_name else None,
            help_text=self.help_text,
            **defaults,
        )
