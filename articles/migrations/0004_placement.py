
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0003_addresses_for_every_name'),
        ('media', '0003_clearer_labels'),
    ]

    operations = [
        migrations.CreateModel(
            name='Placement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(help_text='Names this item in the body of every language.', max_length=40, verbose_name='key')),
                ('caption_override', models.TextField(blank=True, help_text="Replaces the image's or embed's own caption in this article only.", verbose_name='caption for this article')),
                ('caption_override_en', models.TextField(blank=True, help_text="Replaces the image's or embed's own caption in this article only.", null=True, verbose_name='caption for this article')),
                ('caption_override_nl', models.TextField(blank=True, help_text="Replaces the image's or embed's own caption in this article only.", null=True, verbose_name='caption for this article')),
                ('caption_override_de', models.TextField(blank=True, help_text="Replaces the image's or embed's own caption in this article only.", null=True, verbose_name='caption for this article')),
                ('caption_override_fr', models.TextField(blank=True, help_text="Replaces the image's or embed's own caption in this article only.", null=True, verbose_name='caption for this article')),
                ('caption_override_ar', models.TextField(blank=True, help_text="Replaces the image's or embed's own caption in this article only.", null=True, verbose_name='caption for this article')),
                ('accepted_gaps', models.JSONField(blank=True, default=list, help_text='Languages whose text leaves this item out on purpose (no warning).', verbose_name='left out on purpose in')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='placements', to='articles.article', verbose_name='article')),
                ('embed', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='placements', to='media.embed', verbose_name='embed')),
                ('image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='placements', to='media.image', verbose_name='image')),
            ],
            options={
                'verbose_name': 'placed image or embed',
                'verbose_name_plural': 'placed images and embeds',
                'ordering': ['article', 'pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('embed__isnull', True), ('image__isnull', False)), models.Q(('embed__isnull', False), ('image__isnull', True)), _connector='OR'), name='article_placement_image_xor_embed'), models.UniqueConstraint(fields=('article', 'key'), name='placement_article_key_uniq')],
            },
        ),
    ]
